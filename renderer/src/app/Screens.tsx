// Which screen a route shows.
import type { ReactElement } from 'react';
import { BulkScreen } from '../screens/bulk/BulkScreen.tsx';
import { CardScreen } from '../screens/cards/CardScreen.tsx';
import { CardsScreen } from '../screens/cards/CardsScreen.tsx';
import { ClientScreen } from '../screens/clients/ClientScreen.tsx';
import { ClientsScreen } from '../screens/clients/ClientsScreen.tsx';
import { GiftScreen } from '../screens/gift/GiftScreen.tsx';
import { JournalScreen } from '../screens/journal/JournalScreen.tsx';
import { RequestsScreen } from '../screens/requests/RequestsScreen.tsx';
import { SettingsScreen } from '../screens/settings/SettingsScreen.tsx';
import type { Route } from './router.tsx';

export function Screen({ route }: { route: Route }): ReactElement {
  switch (route.screen) {
    case 'clients':
      return <ClientsScreen />;
    case 'client':
      return <ClientScreen key={route.clientId} clientId={route.clientId} />;
    case 'cards':
      return <CardsScreen />;
    case 'card':
      return <CardScreen key={route.cardId} cardId={route.cardId} />;
    case 'requests':
      return <RequestsScreen />;
    case 'bulk':
      return <BulkScreen />;
    case 'gift':
      return <GiftScreen />;
    case 'journal':
      return <JournalScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}

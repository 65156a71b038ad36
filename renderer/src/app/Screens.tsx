// Which screen a route shows. Each section is its own chunk, loaded when it is first opened (React.lazy), so the
// JavaScript read before the first screen holds only the frame, the lock screen and what they share
// (docs/operator-ui.md, "Speed on a small PC"). The frame stays on screen while a section loads.
import { lazy, Suspense, type ReactElement } from 'react';
import { Loading } from '../components/Loading.tsx';
import type { Route } from './router.tsx';

const ClientsScreen = lazy(() =>
  import('../screens/clients/ClientsScreen.tsx').then((m) => ({ default: m.ClientsScreen })),
);
const ClientScreen = lazy(() =>
  import('../screens/clients/ClientScreen.tsx').then((m) => ({ default: m.ClientScreen })),
);
const CardsScreen = lazy(() => import('../screens/cards/CardsScreen.tsx').then((m) => ({ default: m.CardsScreen })));
const CardScreen = lazy(() => import('../screens/cards/CardScreen.tsx').then((m) => ({ default: m.CardScreen })));
const RequestsScreen = lazy(() =>
  import('../screens/requests/RequestsScreen.tsx').then((m) => ({ default: m.RequestsScreen })),
);
const BulkScreen = lazy(() => import('../screens/bulk/BulkScreen.tsx').then((m) => ({ default: m.BulkScreen })));
const GiftScreen = lazy(() => import('../screens/gift/GiftScreen.tsx').then((m) => ({ default: m.GiftScreen })));
const JournalScreen = lazy(() =>
  import('../screens/journal/JournalScreen.tsx').then((m) => ({ default: m.JournalScreen })),
);
const SettingsScreen = lazy(() =>
  import('../screens/settings/SettingsScreen.tsx').then((m) => ({ default: m.SettingsScreen })),
);

function RouteScreen({ route }: { route: Route }): ReactElement {
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

export function Screen({ route }: { route: Route }): ReactElement {
  return (
    <Suspense fallback={<Loading height="60vh" />}>
      <RouteScreen route={route} />
    </Suspense>
  );
}

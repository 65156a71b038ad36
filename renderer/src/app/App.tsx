// The app: while locked only the lock screen is mounted (nothing read before the lock stays on screen or in
// React state); otherwise the frame and the current screen.
import { Center, Loader } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/shared-queries.ts';
import { useBridgeEvents } from '../api/use-bridge-events.ts';
import { ErrorNotice } from '../components/Notice.tsx';
import { LockScreen } from '../screens/lock/LockScreen.tsx';
import { Frame } from './Frame.tsx';
import { NavigationProvider, useNavigation } from './router.tsx';
import { Screen } from './Screens.tsx';
import { useActivityReporting } from './use-activity.ts';
import { useUiLanguage } from './use-ui-language.ts';

function CurrentScreen(): ReactElement {
  const { route } = useNavigation();
  return <Screen route={route} />;
}

export function App(): ReactElement {
  const { t } = useTranslation();
  const session = useSession();
  useBridgeEvents();
  useUiLanguage();
  useActivityReporting(session.data?.locked === false);

  if (session.error) return <ErrorNotice error={session.error} />;
  if (session.data === undefined) {
    return (
      <Center h="100vh" aria-busy="true">
        <Loader aria-label={t('state.loading')} />
      </Center>
    );
  }
  if (session.data.locked) return <LockScreen />;
  return (
    <NavigationProvider>
      <Frame>
        <CurrentScreen />
      </Frame>
    </NavigationProvider>
  );
}

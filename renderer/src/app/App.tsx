// The app: while locked only the lock screen is mounted (nothing read before the lock stays on screen or in
// React state); otherwise the frame and the current screen.
import type { ReactElement } from 'react';
import { useCheckEvents } from '../api/open-checks.ts';
import { useSession } from '../api/shared-queries.ts';
import { useBridgeEvents } from '../api/use-bridge-events.ts';
import { ErrorNotice } from '../components/Notice.tsx';
import { LockScreen } from '../screens/lock/LockScreen.tsx';
import { Frame } from './Frame.tsx';
import { NavigationProvider, useNavigation } from './router.tsx';
import { Screen } from './Screens.tsx';
import { useActivityReporting } from './use-activity.ts';
import { useUiLanguage } from './use-ui-language.ts';
import { Loading } from '../components/Loading.tsx';

function CurrentScreen(): ReactElement {
  const { route } = useNavigation();
  return <Screen route={route} />;
}

export function App(): ReactElement {
  const session = useSession();
  useBridgeEvents();
  useCheckEvents();
  useUiLanguage();
  useActivityReporting(session.data?.locked === false);

  if (session.error) return <ErrorNotice error={session.error} />;
  if (session.data === undefined) {
    return <Loading height="100vh" />;
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

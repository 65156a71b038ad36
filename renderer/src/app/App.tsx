// The app: while locked only the lock screen is mounted (nothing read before the lock stays on screen or in the
// query cache); otherwise the frame and the current screen. The navigation and the drafts of half-filled forms
// live above the lock (docs/operator-ui.md, forms and drafts), so that unlocking returns to the same screen.
import type { ReactElement } from 'react';
import { useCheckEvents } from '../api/open-checks.ts';
import { useSession } from '../api/shared-queries.ts';
import { useBridgeEvents } from '../api/use-bridge-events.ts';
import { ErrorNotice } from '../components/Notice.tsx';
import { LockScreen } from '../screens/lock/LockScreen.tsx';
import { PinSetupScreen } from '../screens/lock/PinSetup.tsx';
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

function Body(): ReactElement {
  const session = useSession();
  useActivityReporting(session.data?.locked === false);

  if (session.error) return <ErrorNotice error={session.error} />;
  if (session.data === undefined) {
    return <Loading height="100vh" />;
  }
  if (session.data.locked) return <LockScreen />;
  if (session.data.pinRequired && !session.data.pinSet) return <PinSetupScreen />;
  return (
    <Frame>
      <CurrentScreen />
    </Frame>
  );
}

export function App(): ReactElement {
  useBridgeEvents();
  useCheckEvents();
  useUiLanguage();
  return (
    <NavigationProvider>
      <Body />
    </NavigationProvider>
  );
}

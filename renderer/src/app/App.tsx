// The app: at the first start the first operator's form; while locked (nobody signed in, or the operator's session
// locked) only the sign-in screen is mounted (nothing read before the lock stays on screen or in the query cache);
// otherwise the frame and the current screen. The navigation and the drafts of half-filled forms live above the
// lock (docs/operator-ui.md, forms and drafts), so that signing in again returns to the same screen; they belong
// to one operator and go when another one signs in.
import { lazy, Suspense, useEffect, type ReactElement } from 'react';
import type { SessionState } from '../../../common/contract/index.ts';
import { useCheckEvents } from '../api/open-checks.ts';
import { useSession } from '../api/shared-queries.ts';
import { useBridgeEvents } from '../api/use-bridge-events.ts';
import { ErrorNotice } from '../components/Notice.tsx';
import { LockScreen } from '../screens/lock/LockScreen.tsx';
import { FirstStartScreen } from '../screens/lock/FirstStart.tsx';
import { clearAllDrafts } from './drafts.ts';
import { NavigationProvider, useNavigation } from './router.tsx';
import { useActivityReporting } from './use-activity.ts';
import { useUiLanguage } from './use-ui-language.ts';
import { Loading } from '../components/Loading.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { loadLocaleData } from '../i18n/locale-data.ts';

const loadDesk = () => import('./Desk.tsx');
// The desk formats money and dates on every screen: it shows once the language's formats are in (docs/operator-ui.md,
// "Speed on a small PC"); a failed load still shows it, with the browser's formats.
const Desk = lazy(() =>
  Promise.all([loadDesk(), loadLocaleData(currentLanguage()).catch(() => undefined)]).then(([m]) => ({
    default: m.Desk,
  })),
);

/** Whose drafts and screen the app holds: signing out ("Switch operator") or another operator signing in starts
 * from a clean desk; the same operator signing in again after a lock finds theirs. */
let deskOwner: string | null = null;

function useDeskOf(session: SessionState | undefined): void {
  const { navigate } = useNavigation();
  const operatorId = session === undefined ? undefined : (session.operator?.id ?? null);
  useEffect(() => {
    if (operatorId === undefined || operatorId === deskOwner) return;
    if (deskOwner !== null || operatorId === null) {
      clearAllDrafts();
      navigate({ screen: 'clients' });
    }
    deskOwner = operatorId;
  }, [operatorId, navigate]);
}

function Body(): ReactElement {
  const session = useSession();
  useActivityReporting(session.data?.locked === false);
  useDeskOf(session.data);
  // The desk's chunk is fetched once the first screen is up, so signing in does not wait for it.
  useEffect(() => {
    void loadDesk();
  }, []);

  if (session.error) return <ErrorNotice error={session.error} />;
  if (session.data === undefined) {
    return <Loading height="100vh" />;
  }
  if (session.data.firstStart) return <FirstStartScreen />;
  if (session.data.locked) {
    const operator = session.data.operator;
    return <LockScreen key={operator?.id ?? ''} operator={operator} />;
  }
  return (
    <Suspense fallback={<Loading height="100vh" />}>
      <Desk />
    </Suspense>
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

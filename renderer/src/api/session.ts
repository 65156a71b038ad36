// The operator session and the workstation's preferences: the first operator, signing in and out, the lock
// (main holds the operators' secrets, their back-off and the idle timer), the operator's own secret, the
// activity that keeps the session open, the language and settings.update (docs/operator-ui.md, signing in).
import { useQueryClient } from '@tanstack/react-query';
import type { ArgsOf, Language, SessionState, SettingsView } from '../../../common/contract/index.ts';
import { cardDesk } from './bridge.ts';
import { queryKeys } from './query-keys.ts';
import { useWrite, type Write } from './use-write.ts';

/** A write answering the settings, which go straight into the query the app follows (the UI language switches
 * as soon as it changes); the idle lock minutes are part of the session state too. */
function useSettingsWrite<A>(call: (args: A) => Promise<SettingsView>): Write<A, SettingsView> {
  const queryClient = useQueryClient();
  return useWrite({
    call,
    refresh: [queryKeys.session],
    onAnswer: (view) => {
      queryClient.setQueryData(queryKeys.settings, view);
    },
  });
}

export function useUpdateSettings(): Write<ArgsOf<'settings.update'>, SettingsView> {
  return useSettingsWrite((change: ArgsOf<'settings.update'>) => cardDesk().settings.update(change));
}

/** The interface language: any operator may choose it (the other preferences are an administrator's). */
export function useSetLanguage(): Write<ArgsOf<'settings.setLanguage'>, SettingsView> {
  return useSettingsWrite((args: ArgsOf<'settings.setLanguage'>) => cardDesk().settings.setLanguage(args));
}

/** A write answering the session state, which goes straight into the session query (the app follows it). */
function useSessionWrite<A>(
  call: (args: A) => Promise<SessionState>,
  secretArgs = false,
  onError?: (error: unknown) => void,
): Write<A, SessionState> {
  const queryClient = useQueryClient();
  return useWrite({
    call,
    secretArgs,
    onError,
    onAnswer: (state) => {
      queryClient.setQueryData(queryKeys.session, state);
    },
  });
}

export function useLock(): Write<void, SessionState> {
  return useSessionWrite(() => cardDesk().session.lock({}));
}

/** "Switch operator": the current operator is signed out and the sign-in screen follows. */
export function useSignOut(): Write<void, SessionState> {
  return useSessionWrite(() => cardDesk().session.signOut({}));
}

/** The secret goes to main, which counts wrong attempts; it is not kept with the write. */
export function useSignIn(onRefused?: (error: unknown) => void): Write<ArgsOf<'session.signIn'>, SessionState> {
  return useSessionWrite((args: ArgsOf<'session.signIn'>) => cardDesk().session.signIn(args), true, onRefused);
}

/** The first operator, and the language chosen on the first-start screen: only an operator may set it, so it is
 * set once the first is signed in, before the app shows the desk. */
export function useCreateFirstOperator(): Write<FirstOperatorArgs, SessionState> {
  const queryClient = useQueryClient();
  return useSessionWrite(async ({ language, ...args }: FirstOperatorArgs) => {
    const state = await cardDesk().session.createFirstOperator(args);
    if (language !== undefined) {
      // A language the policy fixes stays as it is: the refusal is no reason to fail the first start.
      const view = await cardDesk()
        .settings.setLanguage({ language })
        .catch(() => undefined);
      if (view !== undefined) queryClient.setQueryData(queryKeys.settings, view);
    }
    return state;
  }, true);
}

export type FirstOperatorArgs = ArgsOf<'session.createFirstOperator'> & { language?: Language };

/** The signed-in operator's own PIN or passphrase. */
export function useChangeSecret(): Write<ArgsOf<'session.changeSecret'>, SessionState> {
  return useSessionWrite((args: ArgsOf<'session.changeSecret'>) => cardDesk().session.changeSecret(args), true);
}

/** Tells main the operator is active (the idle-lock timer lives there); a failure changes nothing to show. */
export function reportActivity(): void {
  void cardDesk()
    .session.activity({})
    .catch(() => undefined);
}

// The operator session and the workstation's preferences: lock, unlock and the operator PIN (main holds the
// PIN's hash and the idle timer), the activity that keeps the session open, and settings.update.
import { useQueryClient } from '@tanstack/react-query';
import type { ArgsOf, SessionState, SettingsView } from '../../../common/contract/index.ts';
import { cardDesk } from './bridge.ts';
import { queryKeys } from './query-keys.ts';
import { useWrite, type Write } from './use-write.ts';

/** settings.update answers the new settings: they go straight into the query the app follows (the UI language
 * switches as soon as its language changes); the idle lock minutes are part of the session state too. */
export function useUpdateSettings(): Write<ArgsOf<'settings.update'>, SettingsView> {
  const queryClient = useQueryClient();
  return useWrite({
    call: (change: ArgsOf<'settings.update'>) => cardDesk().settings.update(change),
    refresh: [queryKeys.session],
    onAnswer: (view) => {
      queryClient.setQueryData(queryKeys.settings, view);
    },
  });
}

/** A write answering the session state, which goes straight into the session query (the lock button follows). */
function useSessionWrite<A>(call: (args: A) => Promise<SessionState>, secretArgs = false): Write<A, SessionState> {
  const queryClient = useQueryClient();
  return useWrite({
    call,
    secretArgs,
    onAnswer: (state) => {
      queryClient.setQueryData(queryKeys.session, state);
    },
  });
}

export function useLock(): Write<void, SessionState> {
  return useSessionWrite(() => cardDesk().session.lock({}));
}

/** Sets or changes the operator PIN; the PINs are not kept with the write. */
export function useSetOperatorPin(): Write<ArgsOf<'session.setPin'>, SessionState> {
  return useSessionWrite((args: ArgsOf<'session.setPin'>) => cardDesk().session.setPin(args), true);
}

/** The PIN goes to main, which counts wrong attempts; it is not kept with the write. */
export function useUnlock(onRefused: (error: unknown) => void): Write<string, SessionState> {
  return useWrite({
    call: (pin: string) => cardDesk().session.unlock({ pin }),
    secretArgs: true,
    // The app shows the frame again once the session query says unlocked.
    refresh: [queryKeys.session],
    onError: onRefused,
  });
}

/** Tells main the operator is active (the idle-lock timer lives there); a failure changes nothing to show. */
export function reportActivity(): void {
  void cardDesk()
    .session.activity({})
    .catch(() => undefined);
}

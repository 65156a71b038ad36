// Unlocking: the PIN goes to main (which holds the hash, counts wrong attempts and makes the operator wait
// after too many); a wrong PIN is answered with a sentence, and after "retry later" the button rests a moment.
import { useEffect, useRef, useState } from 'react';
import { CardDeskError, type SessionState } from '../../../../common/contract/index.ts';
import { useUnlock as useUnlockWrite } from '../../api/session.ts';

/** When main gives no wait (it normally says how long), the button rests this long. */
const DEFAULT_PAUSE_MS = 5_000;

export interface Unlock {
  /** Resolves to whether the session is unlocked. */
  unlock: (pin: string) => Promise<boolean>;
  busy: boolean;
  result: SessionState | undefined;
  error: unknown;
  /** Unlocking is paused after too many wrong PINs. */
  paused: boolean;
}

function pauseOf(error: unknown): number | undefined {
  if (!(error instanceof CardDeskError) || error.code !== 'pin_retry_later') return undefined;
  const wait = error.details?.retryInMs;
  return typeof wait === 'number' && wait > 0 ? Math.min(wait, 60_000) : DEFAULT_PAUSE_MS;
}

export function useUnlock(): Unlock {
  const [paused, setPaused] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
    },
    [],
  );
  const write = useUnlockWrite((error) => {
    const pause = pauseOf(error);
    if (pause === undefined) return;
    setPaused(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setPaused(false);
    }, pause);
  });
  const unlock = async (pin: string): Promise<boolean> => (await write.run(pin)) !== undefined;
  return { unlock, busy: write.busy, result: write.result, error: write.error, paused };
}

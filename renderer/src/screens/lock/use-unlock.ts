// Unlocking: the PIN goes to main (which holds the hash, counts wrong attempts and makes the operator wait
// after too many); a wrong PIN is answered with a sentence, and after "retry later" the button rests a moment.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { CardDeskError } from '../../../../common/contract/index.ts';
import { cardDesk } from '../../api/bridge.ts';
import { queryKeys } from '../../api/query-keys.ts';

/** When main gives no wait (it normally says how long), the button rests this long. */
const DEFAULT_PAUSE_MS = 5_000;

export interface Unlock {
  unlock: (pin: string) => Promise<boolean>;
  busy: boolean;
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
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [paused, setPaused] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
    },
    [],
  );

  const unlock = useCallback(
    async (pin: string): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await cardDesk().session.unlock({ pin });
        // App shows the frame again once the session query says unlocked.
        await queryClient.invalidateQueries({ queryKey: queryKeys.session });
        return true;
      } catch (caught) {
        setError(caught);
        const pause = pauseOf(caught);
        if (pause !== undefined) {
          setPaused(true);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => {
            setPaused(false);
          }, pause);
        }
        return false;
      } finally {
        setBusy(false);
      }
    },
    [queryClient],
  );

  return { unlock, busy, error, paused };
}

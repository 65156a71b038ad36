// After too many wrong secrets main refuses an operator for a while (operator_locked, details.retryAfterMs):
// the sign-in form says until when, and its button rests until then.
import { useCallback, useEffect, useState } from 'react';
import { CardDeskError } from '../../../../common/contract/index.ts';

/** A timer longer than this is not worth holding: the operator may try again and read the new answer. */
const MAX_REST_MS = 10 * 60_000;

export function retryAfterOf(error: unknown): number | undefined {
  if (!(error instanceof CardDeskError) || error.code !== 'operator_locked') return undefined;
  const wait = error.details?.retryAfterMs;
  return typeof wait === 'number' && wait > 0 ? wait : undefined;
}

export interface LockedUntil {
  /** The time (ms) until which the operator is refused, or undefined. */
  until: number | undefined;
  /** Give it every refusal of a sign-in. */
  onRefused: (error: unknown) => void;
}

export function useLockedUntil(): LockedUntil {
  const [state, setState] = useState<{ until: number; wait: number } | undefined>(undefined);
  const onRefused = useCallback((error: unknown) => {
    const wait = retryAfterOf(error);
    setState(wait === undefined ? undefined : { until: Date.now() + wait, wait });
  }, []);
  useEffect(() => {
    if (state === undefined) return undefined;
    const timer = setTimeout(
      () => {
        setState(undefined);
      },
      Math.min(state.wait, MAX_REST_MS),
    );
    return () => {
      clearTimeout(timer);
    };
  }, [state]);
  return { until: state?.until, onRefused };
}

// One write of the Card API as a form runs it: busy while it runs, its outcome (or a thrown contract error) kept
// to show, and the card's reads refreshed after it is done.
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { OperationOutcome } from '../../../../common/contract/index.ts';

export interface WriteState {
  busy: boolean;
  outcome: OperationOutcome<unknown> | undefined;
  error: unknown;
}

export interface Write extends WriteState {
  /** Runs the call; resolves to its outcome, or undefined when it threw (the error is kept in `error`). */
  run: (call: () => Promise<OperationOutcome<unknown>>) => Promise<OperationOutcome<unknown> | undefined>;
  clear: () => void;
}

/** True when repeating the write is safe and useful: refused by the bank, or never reached it. */
export function retryable(outcome: OperationOutcome<unknown> | undefined): boolean {
  return outcome?.kind === 'failed' || outcome?.kind === 'transport';
}

export function useWrite(invalidate: QueryKey): Write {
  const client = useQueryClient();
  // The key is usually an array literal at the call site: keep the latest without re-creating `run`.
  const key = useRef(invalidate);
  key.current = invalidate;
  const [state, setState] = useState<WriteState>({ busy: false, outcome: undefined, error: undefined });
  const run = useCallback<Write['run']>(
    async (call) => {
      setState({ busy: true, outcome: undefined, error: undefined });
      try {
        const outcome = await call();
        setState({ busy: false, outcome, error: undefined });
        if (outcome.kind === 'done') await client.invalidateQueries({ queryKey: key.current });
        return outcome;
      } catch (error) {
        setState({ busy: false, outcome: undefined, error });
        return undefined;
      }
    },
    [client],
  );
  const clear = useCallback(() => {
    setState({ busy: false, outcome: undefined, error: undefined });
  }, []);
  return { ...state, run, clear };
}

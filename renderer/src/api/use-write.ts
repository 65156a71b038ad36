// The one way the renderer writes, on TanStack Query's useMutation: busy while it runs, the answer kept to show
// (for a Card API write its outcome: done, failed, pending, unknown, transport; docs/card-api.md, safe retry),
// the error kept when Card Desk refused the call (a CardDeskError: nothing was sent), and the reads it changed
// refreshed once it is done. Writes are never retried from here (Providers.tsx).
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { actionStarted } from './action-generation.ts';
import { isOutcome } from './outcome.ts';

export interface Write<A, R> {
  /** Sends the write; resolves to its answer, or to undefined when it threw (the error is kept in `error`). */
  run: (args: A) => Promise<R | undefined>;
  busy: boolean;
  /** The answer of the last write, until the next one starts or `clear`. */
  result: R | undefined;
  /** What the last write threw; undefined when it did not. */
  error: unknown;
  /** The arguments of the write running or last run; never kept for a write with `secretArgs`. */
  args: A | undefined;
  /** Forgets the last answer and error. */
  clear: () => void;
}

export interface WriteOptions<A, R> {
  call: (args: A) => Promise<R>;
  /** Query keys (prefixes) of the reads the write changes, refreshed once it is done: a done outcome, or any
   * answer of a method that is not a Card API operation. */
  refresh?: readonly QueryKey[];
  /** Refresh after every write, failed or thrown too: it may have changed something all the same. */
  refreshAlways?: boolean;
  /** The arguments carry a PIN or a secret: they are handed to `call` once and not kept in the write's state
   * (TanStack keeps a mutation's variables for as long as it keeps the mutation). */
  secretArgs?: boolean;
  /** Runs with every answer (not with a thrown error), e.g. to put it into a query. */
  onAnswer?: (result: R) => void;
  onError?: (error: unknown) => void;
}

/** What a secret write's mutation holds instead of its arguments. */
type Ticket = Readonly<Record<string, never>>;

function isDone(result: unknown): boolean {
  return !isOutcome(result) || result.kind === 'done';
}

export function useWrite<A, R>(options: WriteOptions<A, R>): Write<A, R> {
  const { call, refresh = [], refreshAlways = false, secretArgs = false, onAnswer, onError } = options;
  const queryClient = useQueryClient();
  const held = useRef(new Map<Ticket, A>());
  const mutation = useMutation<R, unknown, A | Ticket>({
    mutationFn: (variables) => {
      if (!secretArgs) return call(variables as A);
      const args = held.current.get(variables as Ticket) as A;
      held.current.delete(variables as Ticket);
      return call(args);
    },
    onSuccess: (result) => {
      onAnswer?.(result);
    },
    onError: (error) => {
      onError?.(error);
    },
    onSettled: (result, error) => {
      if (!refreshAlways && (error !== null || !isDone(result))) return;
      for (const queryKey of refresh) void queryClient.invalidateQueries({ queryKey });
    },
  });
  const { mutateAsync, reset } = mutation;
  const run = useCallback(
    async (args: A): Promise<R | undefined> => {
      actionStarted();
      let variables: A | Ticket = args;
      if (secretArgs) {
        const ticket: Ticket = Object.freeze({});
        held.current.set(ticket, args);
        variables = ticket;
      }
      try {
        return await mutateAsync(variables);
      } catch {
        return undefined;
      }
    },
    [mutateAsync, secretArgs],
  );
  return {
    run,
    busy: mutation.isPending,
    result: mutation.data,
    error: mutation.error ?? undefined,
    args: secretArgs ? undefined : (mutation.variables as A | undefined),
    clear: reset,
  };
}

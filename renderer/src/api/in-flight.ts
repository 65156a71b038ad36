// Card writes in flight, kept beside the screens (docs/operator-ui.md, dialogs and long requests): a dialog may
// be closed while its request goes on, so the request's end cannot be left to the dialog. A write whose dialog
// was closed is "detached"; when it settles, its outcome is kept here until the operator dismisses it, and the
// frame shows it wherever the operator is. Memory only, like every renderer state.
import { useSyncExternalStore } from 'react';
import type { OperationOutcome } from '../../../common/contract/index.ts';

export interface InFlightWrite {
  id: number;
  cardId: string;
  /** The card action (screens/cards/card-actions.ts), for its name. */
  action: string;
  startedAt: number;
  /** Its dialog was closed: the outcome is shown by the frame, not by the dialog. */
  detached: boolean;
}

export interface SettledWrite {
  id: number;
  cardId: string;
  action: string;
  outcome: OperationOutcome<unknown> | undefined;
  /** What the call threw (Card Desk refused it), when it did. */
  error: unknown;
}

interface State {
  running: readonly InFlightWrite[];
  settled: readonly SettledWrite[];
  /** Per card, how many times its dialog was closed on a request in flight: a form of an earlier turn no longer
   * reports to the card page. */
  turns: Readonly<Record<string, number>>;
}

let state: State = { running: [], settled: [], turns: {} };
let nextId = 1;
const listeners = new Set<() => void>();

function set(next: State): void {
  state = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function finish(id: number, outcome: OperationOutcome<unknown> | undefined, error: unknown): void {
  const write = state.running.find((w) => w.id === id);
  if (write === undefined) return;
  const running = state.running.filter((w) => w.id !== id);
  const settled = write.detached
    ? [...state.settled, { id, cardId: write.cardId, action: write.action, outcome, error }]
    : state.settled;
  set({ ...state, running, settled });
}

/** Follows one card write from the call to its answer. */
export function trackCardWrite<R extends OperationOutcome<unknown>>(
  cardId: string,
  action: string,
  call: Promise<R>,
): Promise<R> {
  const id = nextId++;
  set({ ...state, running: [...state.running, { id, cardId, action, startedAt: Date.now(), detached: false }] });
  call.then(
    (outcome) => {
      finish(id, outcome, undefined);
    },
    (error: unknown) => {
      finish(id, undefined, error);
    },
  );
  return call;
}

/** The dialog of the card's writes was closed (or its page left): their outcomes go to the frame. */
export function detachCardWrites(cardId: string): void {
  if (!state.running.some((w) => w.cardId === cardId && !w.detached)) return;
  set({
    ...state,
    running: state.running.map((w) => (w.cardId === cardId ? { ...w, detached: true } : w)),
    turns: { ...state.turns, [cardId]: cardTurn(cardId) + 1 },
  });
}

/** The card's turn now (see State.turns). */
export function cardTurn(cardId: string): number {
  return state.turns[cardId] ?? 0;
}

export function dismissSettled(id: number): void {
  set({ ...state, settled: state.settled.filter((w) => w.id !== id) });
}

/** Every card write in flight and every detached one settled but not dismissed yet. */
export function inFlightNow(): State {
  return state;
}

export function useInFlight(): State {
  return useSyncExternalStore(subscribe, inFlightNow);
}

/** For tests: forget everything. */
export function resetInFlight(): void {
  set({ running: [], settled: [], turns: {} });
}

// Counts the operator's actions (every write the renderer starts), so that an old problem notice gives way when
// the operator starts something else (docs/operator-ui.md, dialogs and long requests). Memory only.
import { useSyncExternalStore } from 'react';

let generation = 0;
const listeners = new Set<() => void>();

/** A write starts: notices of earlier problems are stale from now on. */
export function actionStarted(): void {
  generation += 1;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The number of actions started so far. */
export function useActionGeneration(): number {
  return useSyncExternalStore(subscribe, () => generation);
}

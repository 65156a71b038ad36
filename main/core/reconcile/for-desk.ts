// The background reconciler over one desk (docs/architecture.md, live reconciliation): an entry is checked with
// its profile's client, as `Desk.reconcile` does, and left alone when its profile is gone, is not this
// process's to settle (the preview settles sandbox profiles only), or its client cannot be built.
import type { Desk } from '../desk.ts';
import type { JournalEntry } from '../journal/index.ts';
import { Reconciler, type CheckStatus, type ReconcilerOptions } from './reconciler.ts';

export interface DeskReconcilerOptions extends Omit<ReconcilerOptions, 'journal' | 'clientFor'> {
  /** Whose open operations this process settles (every profile's by default). */
  owns?: (profileId: string) => boolean;
}

export function deskReconciler(desk: Desk, options: DeskReconcilerOptions = {}): Reconciler {
  const { owns, ...rest } = options;
  const clientFor = async (entry: JournalEntry) => {
    const id = entry.connection.profileId;
    if (id === undefined || (owns !== undefined && !owns(id))) return undefined;
    if (!desk.storedProfiles().some((p) => p.id === id)) return undefined;
    try {
      return await desk.client(id);
    } catch (error) {
      options.report?.(error);
      return undefined;
    }
  };
  return new Reconciler({ ...rest, journal: desk.journal, clientFor });
}

export type { CheckStatus };

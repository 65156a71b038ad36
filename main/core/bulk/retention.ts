// Retention of bulk input (docs/bulk.md, retention): a finished job's rows hold names, phones, national ids and
// addresses, and are needed only to resume. Once the policy's retention (30 days by default) has passed since
// the job ended, they are deleted; the job, its counts, its finished rows (ids, masks, outcomes) and the input
// columns that name no one stay, so the result file can still be had with those columns.
import type { JobMeta, JobStore } from './job-store.ts';

export const DAY_MS = 24 * 60 * 60_000;

/** Input columns that describe the request, not the person: kept in the result file after the purge. */
const NON_PERSONAL_COLUMNS: ReadonlySet<string> = new Set([
  'product_id',
  'quantity',
  'type',
  'resident',
  'card_kind',
  'branch_id',
  'card_branch_id',
]);

export const isNonPersonalColumn = (column: string): boolean => NON_PERSONAL_COLUMNS.has(column);

const finished = (meta: JobMeta): boolean => meta.state === 'completed' || meta.state === 'cancelled';

/**
 * Purges the input rows of every finished job that ended `retentionDays` ago or earlier, of the profiles
 * `ofProfile` accepts; returns the purged job ids. A job whose rows cannot be purged is reported and the
 * others go on.
 */
export function purgeExpiredRows(
  store: JobStore,
  options: {
    now: number;
    retentionDays: number;
    ofProfile?: (profileId: string) => boolean;
    report?: (error: unknown) => void;
  },
): string[] {
  const cutoff = options.now - options.retentionDays * DAY_MS;
  const purged: string[] = [];
  for (const meta of store.list()) {
    if (!finished(meta) || meta.updatedAt > cutoff || !store.hasRows(meta.id)) continue;
    if (options.ofProfile?.(meta.profileId) === false) continue;
    try {
      store.purgeRows(meta.id, isNonPersonalColumn, options.now);
      purged.push(meta.id);
    } catch (error) {
      options.report?.(error);
    }
  }
  return purged;
}

/** Runs `purge` now and then once a day while the process runs; returns what stops it. */
export function schedulePurge(purge: () => void, report: (error: unknown) => void): () => void {
  const run = () => {
    try {
      purge();
    } catch (error) {
      report(error);
    }
  };
  run();
  const daily = setInterval(run, DAY_MS);
  daily.unref();
  return () => {
    clearInterval(daily);
  };
}

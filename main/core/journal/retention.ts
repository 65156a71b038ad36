// Retention of the journal (docs/architecture.md, retention and archives): when a policy sets
// `journalArchiveAfterDays`, final operations and audit records older than that move to an archive file, at
// start and then daily, in the background. Without that policy nothing is moved.
import type { Journal } from './journal.ts';
import { archiveJournal } from './archive.ts';

export const DAY_MS = 24 * 60 * 60_000;

export interface JournalRetention {
  journal: Journal;
  dataDir: string;
  /** The policy's days, read at each run (a new policy applies from the next run). */
  days: () => number | undefined;
  report: (error: unknown) => void;
  now?: () => number;
}

/** Archives now, then daily while the process runs; returns what stops it and waits for a run in progress. */
export function scheduleJournalArchive(options: JournalRetention): () => Promise<void> {
  const now = options.now ?? Date.now;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const run = () => {
    const days = options.days();
    if (stopped || days === undefined) return;
    running = running
      .then(() => archiveJournal(options.journal, options.dataDir, now() - days * DAY_MS, now))
      .catch(options.report);
  };
  run();
  const daily = setInterval(run, DAY_MS);
  daily.unref();
  return async () => {
    stopped = true;
    clearInterval(daily);
    await running;
  };
}

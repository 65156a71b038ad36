// One job in the job process: its own journal and job store on the host's data folder, one Card API client
// signed with the secret the host sent, and the same runner as in-process jobs (runner.ts).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { OpId } from '../../../../common/card-api/catalog/index.ts';
import { CardApiClient } from '../../card-api/client.ts';
import { DeskError } from '../../errors.ts';
import { Journal, type JournalChange } from '../../journal/index.ts';
import { createLog } from '../../log/logger.ts';
import { InMemorySecret } from '../../vault/index.ts';
import { JobStore, type JobMeta } from '../job-store.ts';
import { BulkRunner } from '../runner.ts';
import type { ChildMessage, JobStart } from './messages.ts';

/** How often batched journal changes go to the host. */
const CHANGES_EVERY_MS = 250;
/**
 * How long the job's journal keeps a commit open for more records (journal-options.ts). Two rows per bank slot
 * hide the wait: a row waits longer than that for its slot anyway, and fewer commits cost less CPU per call
 * (docs/architecture.md, "Durable before a request leaves").
 */
const COMMIT_WINDOW_MS = 3;

export interface RunningJob {
  done: Promise<JobMeta>;
  pause(): void;
  cancel(): void;
  stop(): Promise<void>;
  /**
   * Gives the job's lock up at once, for a process about to end without finishing (its host is gone): until its
   * new parent reaps it, an ended process still answers as alive, and would hold the job (job-store.ts, runner()).
   */
  release(): void;
}

export function runJob(start: JobStart, send: (message: ChildMessage) => void): RunningJob {
  const secret = new InMemorySecret(Buffer.from(start.secret));
  start.secret.fill(0);
  const chainKey = start.chainKey === undefined ? undefined : Buffer.from(start.chainKey);
  start.chainKey?.fill(0);
  const journal = Journal.open(start.dataDir, {
    groupCommit: true,
    commitWindowMs: COMMIT_WINDOW_MS,
    ...(chainKey === undefined ? {} : { chainKey }),
  });
  const store = new JobStore(start.dataDir);
  const log = start.log ? createLog(start.dataDir) : undefined;
  const client = new CardApiClient({ connection: start.connection, secrets: secret, journal, ...start.timing, log });
  const allowed = new Set<OpId>(start.allowedOps);

  let changes: JournalChange[] = [];
  const flush = (): void => {
    if (changes.length === 0) return;
    send({ type: 'changes', changes });
    changes = [];
  };
  const offChanges = journal.onChange((change) => changes.push(change));
  const timer = setInterval(flush, CHANGES_EVERY_MS);

  const runner = new BulkRunner({
    store,
    journal,
    client: () => Promise.resolve(client),
    assertAllowed: (profileId, opId) => {
      if (!allowed.has(opId)) {
        throw new DeskError(
          'operation_not_allowed',
          `${opId} is not allowed for profile ${profileId} on this workstation`,
        );
      }
    },
    onProgress: (progress) => {
      flush(); // the rows a progress counts are in the changes told before it
      send({ type: 'progress', progress });
    },
    ...(start.settleTimeoutMs === undefined ? {} : { settleTimeoutMs: start.settleTimeoutMs }),
  });
  // async: a job refused at once (unknown, busy) rejects like any other failure.
  const done = (async () => runner.run(start.jobId))().finally(() => {
    clearInterval(timer);
    flush();
    offChanges();
    journal.close();
    secret.dispose();
  });
  return {
    done,
    pause: () => {
      runner.pause(start.jobId);
    },
    cancel: () => {
      runner.cancel(start.jobId);
    },
    stop: () => runner.stopAll(),
    release: () => {
      const lock = join(start.dataDir, 'bulk', start.jobId, 'lock');
      try {
        if (readFileSync(lock, 'utf8') === String(process.pid)) rmSync(lock, { force: true });
      } catch {
        // no lock: nothing to give up
      }
    },
  };
}

// The app's check of the chain at start (docs/architecture.md, "The audit chain"): run in the background, a
// slice at a time between other work, on a read-only connection of its own inside one read transaction (one
// consistent snapshot while writers go on). Its answer is the `chain` part of audit.status.
import { DatabaseSync } from 'node:sqlite';
import type { AuditStatusView } from '../../../common/contract/views.ts';
import { verifySteps, type ChainCheck } from './chain-verify.ts';

export type ChainStatus = AuditStatusView['chain'];

/** Runs the verification steps, yielding to the event loop between slices; `signal` stops it between two. */
export async function verifyInSlices(
  dbPath: string,
  key: Buffer | undefined,
  dataDir?: string,
  signal?: AbortSignal,
): Promise<ChainCheck> {
  const db = new DatabaseSync(dbPath, { readOnly: true, timeout: 10_000 });
  try {
    db.exec('BEGIN');
    const steps = verifySteps(db, key, dataDir);
    for (;;) {
      const step = steps.next();
      if (step.done === true) return step.value;
      await new Promise<void>((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
    }
  } finally {
    if (db.isTransaction) db.exec('COMMIT');
    db.close();
  }
}

/** The contract's view of a check: an archive that broke is named by its file and its link. */
export function chainView(check: ChainCheck, verifiedAt: number): ChainStatus {
  if (check.state === 'whole') return { state: 'whole', records: check.records, verifiedAt };
  if (check.state === 'unverifiable') return { state: 'unchecked' };
  if (check.state === 'unkeyed') {
    const runs = check.runs.map((run) => ({ ...run }));
    return { state: 'unverified', records: check.records, runs, verifiedAt };
  }
  return { state: 'broken', record: { ...check.record }, verifiedAt };
}

export class ChainWatch {
  private status: ChainStatus = { state: 'unchecked' };
  private running: Promise<ChainStatus> | undefined;
  private started = false;
  private readonly dbPath: string;
  private readonly key: Buffer | undefined;
  private readonly dataDir: string;
  private readonly now: () => number;
  private readonly stop = new AbortController();

  constructor(options: { dbPath: string; key: Buffer | undefined; dataDir: string; now?: () => number }) {
    this.dbPath = options.dbPath;
    this.key = options.key;
    this.dataDir = options.dataDir;
    this.now = options.now ?? Date.now;
  }

  /** Starts a check unless one is running; resolves with its result. A check that fails leaves 'unchecked'. */
  verify(): Promise<ChainStatus> {
    this.started = true;
    this.running ??= verifyInSlices(this.dbPath, this.key, this.dataDir, this.stop.signal)
      .then((check) => (this.status = chainView(check, this.now())))
      .catch(() => this.status)
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** The last check's result (audit.status's `chain`); the first question starts a check if none ran yet. */
  chainStatus(): ChainStatus {
    if (!this.started) void this.verify();
    return this.status;
  }

  /** Resolves once no check is running (tests, close). */
  async settled(): Promise<void> {
    await this.running;
  }

  /** Stops a running check (the app quits; a large store's check must not hold it) and waits for it to end. */
  async close(): Promise<void> {
    this.stop.abort();
    await this.running;
  }
}

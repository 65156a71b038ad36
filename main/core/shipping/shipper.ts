// Ships the outbox to the policy's syslog server, in order and at least once (docs/architecture.md, "Shipping to
// the log server"). One loop per process: take the lease, read the next batch, send it on a connection of its
// own (send-batch.ts), move the cursor only when the server confirmed it; on failure wait with backoff and
// jitter and send the same batch again. Records wait in the store while the server is down or the app is
// closed. Each step is a few small SQLite statements and one socket write: the event loop never waits long.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { SyslogPolicy } from '../../../common/settings/syslog.ts';
import { Outbox, retryBusy } from './outbox.ts';
import { recordMessage, type MessageContext } from './record-message.ts';
import { sendBatch, type SyslogTarget } from './send-batch.ts';
import { formatSyslog, octetFrame } from './syslog-format.ts';

export interface ShipperOptions {
  dataDir: string;
  installId: string;
  /** The policy's server, read again before every batch; undefined: nothing is shipped (records wait). */
  policy: () => SyslogPolicy | undefined;
  batchSize?: number;
  /** How long to wait for the server to confirm a batch. */
  confirmTimeoutMs?: number;
  /** How often to look for new records when the outbox is empty. */
  idleMs?: number;
  backoff?: { firstMs: number; maxMs: number };
  leaseMs?: number;
  random?: () => number;
  now?: () => number;
  /** Runs after the server confirmed a batch and before the cursor moves: the crash proof kills the process here. */
  afterSend?: () => Promise<void>;
  /** Told once per failure streak, without secrets (the app's log). */
  onError?: (message: string) => void;
}

const DEFAULTS = {
  batchSize: 500,
  confirmTimeoutMs: 10_000,
  idleMs: 1_000,
  backoff: { firstMs: 1_000, maxMs: 60_000 },
  leaseMs: 30_000,
};

/** The policy as a connection target; the CA file is read here, for each batch, so a renewed CA applies. */
export function targetOf(policy: SyslogPolicy): SyslogTarget {
  const ca = policy.ca ?? (policy.caFile === undefined ? undefined : readFileSync(policy.caFile, 'utf8'));
  return { host: policy.host, port: policy.port, transport: policy.transport, ...(ca === undefined ? {} : { ca }) };
}

export class Shipper {
  private readonly options: ShipperOptions & typeof DEFAULTS;
  private readonly outbox: Outbox;
  private readonly owner = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private closed = false;
  private readonly stopping = new AbortController();
  private failures = 0;

  constructor(options: ShipperOptions) {
    this.options = { ...DEFAULTS, ...options };
    this.outbox = new Outbox(options.dataDir);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  start(): void {
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.running = this.step().then((wait) => {
        this.running = undefined;
        this.schedule(wait);
      });
    }, ms);
    this.timer.unref();
  }

  /** One step; answers how long to wait before the next. */
  private async step(): Promise<number> {
    const { idleMs, batchSize, confirmTimeoutMs, leaseMs } = this.options;
    try {
      const policy = this.options.policy();
      // Queue while a policy names a server, and only then (outbox-schema.ts); a write only when it changes.
      if (this.outbox.enabled() !== (policy !== undefined)) {
        const on = policy !== undefined;
        await retryBusy(() => {
          this.outbox.setEnabled(on);
        });
      }
      if (policy === undefined) return idleMs;
      // Looking costs a read; only a batch to send takes (or renews) the lease, a write.
      const rows = this.outbox.next(batchSize);
      const last = rows.at(-1);
      if (last === undefined) return idleMs;
      if (!(await retryBusy(() => this.outbox.acquire(this.owner, this.now(), leaseMs)))) return idleMs;
      const context: MessageContext = {
        installId: this.options.installId,
        hostname: hostname(),
        procId: String(process.pid),
        facility: policy.facility ?? 'local0',
      };
      const frames = Buffer.concat(rows.map((row) => octetFrame(formatSyslog(recordMessage(row, context)))));
      await sendBatch(targetOf(policy), frames, confirmTimeoutMs, this.stopping.signal);
      await this.options.afterSend?.();
      await retryBusy(() => {
        this.outbox.delivered(last.seq, this.now());
      });
      this.failures = 0;
      return 0;
    } catch (error) {
      if (this.closed) return 0; // abandoned by close(): not a failure
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'failed';
      if (this.failures === 0) this.options.onError?.(message);
      this.failures++;
      await retryBusy(() => {
        this.outbox.failed(message, this.now());
      }).catch(() => undefined); // still busy: the next failure records it
      return this.backoffMs();
    }
  }

  /** firstMs·2^(n−1), at most maxMs, ±20 % at random so that workstations do not retry together. */
  private backoffMs(): number {
    const { firstMs, maxMs } = this.options.backoff;
    const base = Math.min(maxMs, firstMs * 2 ** Math.min(this.failures - 1, 30));
    return Math.round(base * (0.8 + 0.4 * (this.options.random ?? Math.random)()));
  }

  /** Stops the loop, abandons the batch in flight (it goes again next time), and gives the lease back. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.stopping.abort();
    await this.running;
    await retryBusy(() => {
      this.outbox.release(this.owner);
    }, 2_000).catch(() => undefined); // a lease left behind expires, or its process is seen gone
    this.outbox.close();
  }
}

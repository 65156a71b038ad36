// Starts and stops one sandbox: state, engine, faults, HTTP server.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Engine } from './engine.ts';
import { faultConfigSchema, Faults, type FaultConfig, type FaultKind, type FaultRule } from './faults.ts';
import { isLoopbackHost, urlHost } from './loopback.ts';
import type { OutboxMessage } from './model.ts';
import { readOutbox } from './outbox.ts';
import { DebouncedSaver, loadState, saveState } from './persistence.ts';
import { DEFAULT_RETENTION_MS, Retention } from './retention.ts';
import { createSandboxServer } from './server.ts';
import { ensureMerchants, newState } from './state.ts';

export interface SandboxOptions {
  /** Loopback only; default 127.0.0.1. */
  host?: string;
  /** 0 = a random free port. */
  port?: number;
  /** Default: merchant 1 with a random secret (see RunningSandbox.merchants). */
  merchants?: { id: number; secret: string }[];
  /** Keep the world in this file across restarts; without it the sandbox lives in memory. */
  stateFile?: string;
  /** Delay before an async write completes; default 200. */
  asyncMs?: number;
  /** How long a Request-Id and a settled request are remembered, on the `now` clock; default 7 days. */
  retentionMs?: number;
  latencyMs?: number;
  faults?: FaultRule[];
  /** Clock in milliseconds; tests pass their own to drive async completion. */
  now?: () => number;
}

export interface RunningSandbox {
  url: string;
  port: number;
  merchants: { id: number; secret: string }[];
  close(): Promise<void>;
  /** Test hooks, in-process only. */
  setFaults(f: FaultConfig): void;
  clearFaults(): void;
  outbox(phone?: string): OutboxMessage[];
  stats(): {
    requests: number;
    /** The most API requests the sandbox was handling at once. */
    peakInFlight: number;
    committed: Record<string, number>;
    faultsInjected: Partial<Record<FaultKind, number>>;
  };
}

/** A configuration the sandbox refuses (the command line exits 2 on it). */
export class SandboxConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxConfigError';
  }
}

const STATE_SAVE_DELAY_MS = 50;

function checkMerchants(merchants: { id: number; secret: string }[]): void {
  const seen = new Set<number>();
  for (const m of merchants) {
    if (!Number.isSafeInteger(m.id) || m.id <= 0)
      throw new SandboxConfigError(`merchant id ${String(m.id)} must be a positive integer`);
    if (m.secret === '') throw new SandboxConfigError(`merchant ${String(m.id)} needs a non-empty secret`);
    if (seen.has(m.id)) throw new SandboxConfigError(`merchant ${String(m.id)} is registered twice`);
    seen.add(m.id);
  }
}

function checkMs(name: string, value: number | undefined): number {
  if (value === undefined) return 0;
  if (!Number.isSafeInteger(value) || value < 0) throw new SandboxConfigError(`${name} must be a non-negative integer`);
  return value;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    throw new SandboxConfigError(
      `host ${host} is not a loopback address: the sandbox listens only on 127.0.0.0/8, ::1 or localhost`,
    );
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new SandboxConfigError(`port ${String(port)} is out of range`);
  const merchants = (options.merchants ?? [{ id: 1, secret: randomBytes(32).toString('hex') }]).map((m) => ({ ...m }));
  checkMerchants(merchants);
  const asyncMs = options.asyncMs === undefined ? 200 : checkMs('asyncMs', options.asyncMs);
  const faults = new Faults();
  const initialFaults = faultConfigSchema.safeParse({
    latency_ms: checkMs('latencyMs', options.latencyMs),
    next: options.faults ?? [],
  });
  if (!initialFaults.success)
    throw new SandboxConfigError(`faults: ${initialFaults.error.issues[0]?.message ?? 'invalid'}`);
  faults.set(initialFaults.data);
  const retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  // A result must outlive the wait for it, or a poll could find neither `process` nor the outcome.
  if (!Number.isSafeInteger(retentionMs) || retentionMs <= asyncMs)
    throw new SandboxConfigError(`retentionMs must be an integer greater than asyncMs (${String(asyncMs)})`);
  const now = options.now ?? Date.now;

  const { stateFile } = options;
  const state = (stateFile === undefined ? undefined : loadState(stateFile, now())) ?? newState();
  ensureMerchants(
    state,
    merchants.map((m) => m.id),
  );
  const save = (): void => {
    if (stateFile !== undefined) saveState(stateFile, state);
  };
  const saver = new DebouncedSaver(save, STATE_SAVE_DELAY_MS, (error) => {
    process.emitWarning(`sandbox state not saved: ${error instanceof Error ? error.message : String(error)}`);
  });
  const engine = new Engine({
    state,
    secrets: new Map(merchants.map((m) => [m.id, Buffer.from(m.secret, 'utf8')])),
    asyncMs,
    retention: new Retention(retentionMs),
    now,
    onChange: () => {
      if (stateFile !== undefined) saver.schedule();
    },
  });
  engine.settleDue(); // work that fell due while the sandbox was down
  engine.forgetExpired(); // and ids that aged out meanwhile, so the file starts small
  save(); // proves the file is writable before we say we are listening

  let requests = 0;
  let inFlight = 0;
  let peakInFlight = 0;
  let closing: Promise<void> | undefined;
  const server = createSandboxServer({
    engine,
    faults,
    now,
    closing: () => closing !== undefined,
    countRequest: () => {
      requests += 1;
      peakInFlight = Math.max(peakInFlight, ++inFlight);
      return () => (inFlight -= 1);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  if (!isLoopbackHost(address.address)) {
    // e.g. a hosts file mapping localhost elsewhere: refuse rather than be reachable.
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
    throw new SandboxConfigError(`${host} resolved to ${address.address}, which is not loopback`);
  }

  return {
    url: `http://${urlHost(address.address)}:${String(address.port)}`,
    port: address.port,
    merchants: merchants.map((m) => ({ ...m })),
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) =>
          server.close(() => {
            resolve();
          }),
        );
        server.closeAllConnections(); // includes answers held back by timeout_after_commit
        engine.settleDue();
        saver.flush();
        await stopped;
      })();
      return closing;
    },
    setFaults(config) {
      faults.set(faultConfigSchema.parse(config));
    },
    clearFaults() {
      faults.clear();
    },
    outbox(phone) {
      engine.settleDue();
      return readOutbox(state, phone);
    },
    stats() {
      engine.settleDue();
      return { requests, peakInFlight, committed: { ...engine.committed }, faultsInjected: { ...faults.injected } };
    },
  };
}

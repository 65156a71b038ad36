// Wrong-PIN back-off for the kiosk's admin PIN; operators' secrets keep theirs in their accounts, on the same
// schedule (core/operators/back-off.ts). Each attempt is reserved and counted BEFORE the slow hash work and
// persisted in the data folder, so concurrent guesses, a restart or a different screen cannot reset or outrun it
// (docs/architecture.md, security). A right PIN clears the count.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DeskError } from '../errors.ts';

/** Wrong PINs allowed before the first wait. */
export const FREE_ATTEMPTS = 5;
/** The first wait; each further wrong PIN doubles it, up to MAX_BACKOFF_MS. */
export const BACKOFF_MS = 30_000;
export const MAX_BACKOFF_MS = 15 * 60_000;

/** Which PIN: each has its own count ('operator' was the single operator PIN of older versions). */
export type PinKind = 'operator' | 'kiosk-exit';

const counterSchema = z.strictObject({ wrong: z.int().min(0), retryAt: z.number() });
const fileSchema = z.record(z.string(), counterSchema);
type Counter = z.infer<typeof counterSchema>;

/** Where counters live: a file in the data folder, or memory (tests, and a process with no data folder). */
export interface AttemptStore {
  read(): Record<string, Counter>;
  write(all: Record<string, Counter>): void;
}

export function fileAttemptStore(dataDir: string): AttemptStore {
  const path = join(dataDir, 'pin-attempts.json');
  return {
    read() {
      if (!existsSync(path)) return {};
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      // A damaged file must not reset the back-off: treat it as a wait already earned.
      if (!parsed.success) return { operator: lockedOut(), 'kiosk-exit': lockedOut() };
      return parsed.data;
    },
    write(all) {
      const temporary = `${path}.tmp`;
      writeFileSync(temporary, JSON.stringify(all), { mode: 0o600 });
      renameSync(temporary, path);
    },
  };
}

export function memoryAttemptStore(): AttemptStore {
  let all: Record<string, Counter> = {};
  return {
    read: () => structuredClone(all),
    write: (next) => {
      all = structuredClone(next);
    },
  };
}

function lockedOut(): Counter {
  return { wrong: FREE_ATTEMPTS, retryAt: Date.now() + BACKOFF_MS };
}

function waitAfter(wrong: number): number {
  if (wrong < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_BACKOFF_MS, BACKOFF_MS * 2 ** (wrong - FREE_ATTEMPTS));
}

export class PinAttempts {
  private readonly inFlight = new Set<PinKind>();
  private readonly store: AttemptStore;
  private readonly now: () => number;

  constructor(store: AttemptStore, now: () => number = Date.now) {
    this.store = store;
    this.now = now;
  }

  /**
   * Runs `verify` as one counted attempt at `kind`'s PIN. Refused without running it while another attempt
   * is in flight or the back-off waits. Throws `pin_wrong` when `verify` answers false.
   */
  async check(kind: PinKind, verify: () => Promise<boolean>, wrongMessage = 'wrong PIN'): Promise<void> {
    if (this.inFlight.has(kind))
      throw new DeskError('pin_retry_later', 'a PIN is being checked: try again in a moment', { retryInMs: 1000 });
    const all = this.store.read();
    const counter = all[kind] ?? { wrong: 0, retryAt: 0 };
    const wait = counter.retryAt - this.now();
    if (wait > 0)
      throw new DeskError('pin_retry_later', `too many wrong PINs: try again in ${String(Math.ceil(wait / 1000))} s`, {
        retryInMs: wait,
      });
    // Counted as wrong before the hash work: a crash or a kill during it cannot give a free guess.
    const wrong = counter.wrong + 1;
    all[kind] = { wrong, retryAt: this.now() + waitAfter(wrong) };
    this.store.write(all);
    this.inFlight.add(kind);
    let right: boolean;
    try {
      right = await verify();
    } finally {
      this.inFlight.delete(kind);
    }
    if (!right) throw new DeskError('pin_wrong', wrongMessage, { attemptsLeft: Math.max(0, FREE_ATTEMPTS - wrong) });
    this.store.write(Object.fromEntries(Object.entries(this.store.read()).filter(([name]) => name !== kind)));
  }
}

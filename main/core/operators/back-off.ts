// The wait an operator's wrong secrets earn: the same schedule as every other PIN in Card Desk
// (session/pin-attempts.ts), counted per operator (docs/architecture.md, operators and roles).
import { BACKOFF_MS, FREE_ATTEMPTS, MAX_BACKOFF_MS } from '../session/pin-attempts.ts';

export { FREE_ATTEMPTS };

/** Milliseconds to wait after `wrong` wrong secrets in a row (0 while attempts are still free). */
export function waitAfter(wrong: number): number {
  if (wrong < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_BACKOFF_MS, BACKOFF_MS * 2 ** (wrong - FREE_ATTEMPTS));
}

export interface Counter {
  failed: number;
  lockedUntil: number | null;
}

/**
 * Counters of ids that are no account: they earn the same waits as real ones, so that a wait never tells
 * whether an id exists. Kept in memory (there is nothing to guess behind them) and bounded.
 */
export class UnknownIdCounters {
  private readonly counters = new Map<string, Counter>();
  private readonly limit: number;

  constructor(limit = 1000) {
    this.limit = limit;
  }

  get(id: string): Counter {
    return this.counters.get(id) ?? { failed: 0, lockedUntil: null };
  }

  set(id: string, counter: Counter): void {
    this.counters.delete(id);
    if (this.counters.size >= this.limit) {
      const oldest = this.counters.keys().next();
      if (oldest.done !== true) this.counters.delete(oldest.value);
    }
    this.counters.set(id, counter);
  }
}

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

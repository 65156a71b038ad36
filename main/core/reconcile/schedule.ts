// When the background reconciler asks the bank again about one open operation (docs/architecture.md, live
// reconciliation): exponential steps from a few seconds up to a few minutes, each jittered so that operations
// left open together (an outage) do not all ask at once.
export interface CheckBackoff {
  /** The first step (attempt 0). */
  baseMs: number;
  /** No wait is longer than this, jitter included. */
  maxMs: number;
  /** ± this fraction of each step (0.2 = ±20 %). */
  jitter: number;
}

export const CHECK_BACKOFF: CheckBackoff = { baseMs: 2_000, maxMs: 300_000, jitter: 0.2 };

/** The wait before check `attempt` (0-based): base·2^attempt, ±jitter, never above the cap. */
export function checkDelay(attempt: number, backoff: CheckBackoff, random: () => number): number {
  const step = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(attempt, 30));
  const jittered = step * (1 + (random() * 2 - 1) * backoff.jitter);
  return Math.round(Math.min(backoff.maxMs, Math.max(0, jittered)));
}

// Exponential backoff with jitter, so many clients polling at once do not fall into step.
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  random: () => number;
}

export const DEFAULT_BACKOFF = { baseMs: 100, maxMs: 3_000 } as const;

/** Delay before retry `attempt` (0-based): the exponential step, jittered into its upper half. */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const step = Math.min(options.maxMs, options.baseMs * 2 ** attempt);
  return Math.round(step * (0.5 + options.random() * 0.5));
}

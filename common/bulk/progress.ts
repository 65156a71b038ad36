// Progress of a bulk job: its state, counts, the rate over the last minute, and the time left at that rate.
// Pure (shared with the contract).
export const JOB_STATES = ['running', 'paused', 'cancelled', 'completed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface BulkProgress {
  jobId: string;
  state: JobState;
  total: number;
  done: number;
  failed: number;
  remaining: number;
  /** Rows finished per minute over the last minute; null until there is a rate. */
  ratePerMinute: number | null;
  etaSeconds: number | null;
  /** Why a running job stopped by itself (the bank not reached, outcomes still unknown). */
  reason?: string;
}

const WINDOW_MS = 60_000;

export class RateMeter {
  private readonly finished: number[] = [];
  private readonly startedAt: number;

  constructor(now: number) {
    this.startedAt = now;
  }

  mark(now: number): void {
    this.finished.push(now);
    while (this.finished.length > 0 && (this.finished[0] ?? now) < now - WINDOW_MS) this.finished.shift();
  }

  perMinute(now: number): number | null {
    const span = Math.min(WINDOW_MS, now - this.startedAt);
    if (this.finished.length === 0 || span < 1_000) return null;
    return (this.finished.length / span) * 60_000;
  }
}

export function etaSeconds(remaining: number, ratePerMinute: number | null): number | null {
  if (ratePerMinute === null || ratePerMinute <= 0) return null;
  return Math.round((remaining / ratePerMinute) * 60);
}

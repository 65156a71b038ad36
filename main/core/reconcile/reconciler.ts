// Settles open operations in the background while the app runs (docs/architecture.md, live reconciliation).
// Each open entry has its own schedule (schedule.ts); a check is one look through the client's Request status
// path (CardApiClient.reconcile), which never re-sends anything the server may have received. One entry is
// never checked twice at once, a few entries are checked at a time, and entries no client can be built for are
// parked until the next rescan instead of being retried in a loop.
import type { JournalChange, JournalEntry } from '../journal/index.ts';
import { isOpenState, type EntryState } from '../journal/index.ts';
import { CHECK_BACKOFF, checkDelay, type CheckBackoff } from './schedule.ts';

/** What the reconciler needs of a Card API client: one look at an open entry, its state afterwards. */
export interface EntryChecker {
  reconcile(entry: JournalEntry, options: { wait?: boolean }): Promise<EntryState>;
}

/** What it needs of the journal. */
export interface CheckedJournal {
  open(): JournalEntry[];
  get(key: string): JournalEntry | undefined;
  onChange(listener: (change: JournalChange) => void): () => void;
}

export interface Timers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Where an open operation stands in the schedule. */
export interface CheckStatus {
  /** When the next check is due (epoch ms); null when it is not checked from here (no client for its profile). */
  nextCheckAt: number | null;
  /** The number of the next check, 1 for the first. */
  attempt: number;
  /** A check is running now. */
  checking: boolean;
}

export interface ReconcilerOptions {
  journal: CheckedJournal;
  /** The client for the entry's profile, or undefined when none is to be used here (gone, not this process's). */
  clientFor: (entry: JournalEntry) => Promise<EntryChecker | undefined>;
  /** Told each time an entry's status changes; null once it is settled or no longer checked. */
  onStatus?: (key: string, status: CheckStatus | null) => void;
  /** A check that threw (the application log redacts it). */
  report?: (error: unknown) => void;
  backoff?: CheckBackoff;
  /** Checks running at once, across entries. */
  concurrency?: number;
  /** How often the journal is read again for entries other processes opened, and parked entries are retried. */
  rescanMs?: number;
  /**
   * An entry found in the journal (at start, or written by another process: the CLI, a bulk job's process) is
   * first checked this long after its last change: a process still delivering it may re-send it meanwhile, and
   * only this process's own deliveries are known to the client (default 2 min).
   */
  quietMs?: number;
  timers?: Timers;
  random?: () => number;
}

interface Track {
  attempt: number;
  at: number | null;
  timer: unknown;
  checking: boolean;
  /** Settles when the check running now (the reconciler's or an operator's) has ended. */
  running: Promise<void> | undefined;
  queued: boolean;
  state: EntryState;
}

const REAL_TIMERS: Timers = {
  now: Date.now,
  // Unref'd: a pending check never keeps a CLI or a test process alive.
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

export class Reconciler {
  private readonly options: ReconcilerOptions;
  private readonly timers: Timers;
  private readonly backoff: CheckBackoff;
  private readonly random: () => number;
  private readonly tracked = new Map<string, Track>();
  private readonly ready: string[] = [];
  private readonly running = new Set<Promise<void>>();
  private off: (() => void) | undefined;
  private rescanTimer: unknown;
  private closed = false;

  constructor(options: ReconcilerOptions) {
    this.options = options;
    this.timers = options.timers ?? REAL_TIMERS;
    this.backoff = options.backoff ?? CHECK_BACKOFF;
    this.random = options.random ?? Math.random;
  }

  /** Schedules every open entry and follows the journal's changes from now on. */
  start(): void {
    if (this.off !== undefined || this.closed) return;
    this.off = this.options.journal.onChange((change) => {
      this.changed(change);
    });
    this.rescan();
  }

  /** The entry's place in the schedule, or undefined when it is not followed (settled, or unknown here). */
  status(key: string): CheckStatus | undefined {
    const track = this.tracked.get(key);
    return track === undefined ? undefined : this.statusOf(track);
  }

  /**
   * An operator's re-check: `run` asks the bank now, unless the entry is being checked already; then that
   * check's answer is the re-check's. Either way one entry is never checked twice at once.
   */
  async checkNow(key: string, run: () => Promise<unknown>): Promise<void> {
    const track = this.tracked.get(key);
    if (track?.running !== undefined) return track.running;
    if (track === undefined) {
      await run();
      return;
    }
    const end = this.begin(key, track);
    try {
      await run();
    } finally {
      end();
      // The operator just asked: the next look comes a full step later (or never, once settled).
      if (!this.closed && this.tracked.get(key) === track) this.after(key, track, false);
    }
  }

  /** Stops every timer and waits for the checks running now; nothing is checked afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    this.off?.();
    this.timers.clearTimeout(this.rescanTimer);
    for (const track of this.tracked.values()) this.timers.clearTimeout(track.timer);
    this.ready.length = 0;
    await Promise.allSettled([...this.running]);
  }

  private changed({ key, state }: JournalChange): void {
    if (this.closed) return;
    const track = this.tracked.get(key);
    if (!isOpenState(state)) {
      if (track !== undefined && !track.checking) this.forget(key, track);
      return;
    }
    // Our own check's records are handled when it returns; a state someone else recorded is news: start over.
    if (track === undefined) this.follow(key, state);
    else if (!track.checking && track.state !== state) {
      track.attempt = 0;
      track.state = state;
      this.plan(key, track);
    }
  }

  /** Picks up open entries not followed yet (other processes' too) and gives parked ones another look. */
  private rescan(): void {
    if (this.closed) return;
    for (const entry of this.options.journal.open()) {
      const track = this.tracked.get(entry.key);
      if (track === undefined) this.follow(entry.key, entry.state, entry.updatedAt + (this.options.quietMs ?? 120_000));
      else if (track.at === null && !track.checking && !track.queued) this.plan(entry.key, track);
    }
    this.rescanTimer = this.timers.setTimeout(() => {
      this.rescan();
    }, this.options.rescanMs ?? 60_000);
  }

  private follow(key: string, state: EntryState, notBefore = 0): void {
    const track: Track = {
      attempt: 0,
      at: null,
      timer: undefined,
      checking: false,
      running: undefined,
      queued: false,
      state,
    };
    this.tracked.set(key, track);
    this.plan(key, track, notBefore);
  }

  private plan(key: string, track: Track, notBefore = 0): void {
    this.timers.clearTimeout(track.timer);
    const wait = Math.max(checkDelay(track.attempt, this.backoff, this.random), notBefore - this.timers.now());
    track.at = this.timers.now() + wait;
    track.timer = this.timers.setTimeout(() => {
      track.timer = undefined;
      this.enqueue(key, track);
    }, wait);
    this.tell(key, track);
  }

  private enqueue(key: string, track: Track): void {
    if (this.closed || track.queued || track.checking) return;
    track.queued = true;
    this.ready.push(key);
    this.pump();
  }

  private pump(): void {
    const limit = this.options.concurrency ?? 4;
    while (!this.closed && this.running.size < limit && this.ready.length > 0) {
      const key = this.ready.shift() ?? '';
      const track = this.tracked.get(key);
      if (track === undefined) continue;
      track.queued = false;
      const run = this.check(key, track).finally(() => {
        this.running.delete(run);
        this.pump();
      });
      this.running.add(run);
    }
  }

  private async check(key: string, track: Track): Promise<void> {
    if (track.running !== undefined) return; // an operator's re-check runs now, and plans the next look
    const entry = this.options.journal.get(key);
    if (entry === undefined || !isOpenState(entry.state)) {
      this.forget(key, track);
      return;
    }
    const end = this.begin(key, track);
    let client: EntryChecker | undefined;
    try {
      client = await this.options.clientFor(entry);
      if (client !== undefined) await client.reconcile(entry, { wait: false });
    } catch (error) {
      this.options.report?.(error);
    } finally {
      end();
    }
    if (this.closed) return;
    this.after(key, track, client === undefined);
  }

  /** Marks a check of the entry as running; the returned function ends it. */
  private begin(key: string, track: Track): () => void {
    let finish = (): void => undefined;
    track.running = new Promise((resolve) => (finish = resolve));
    track.checking = true;
    this.tell(key, track);
    return () => {
      track.checking = false;
      track.running = undefined;
      finish();
    };
  }

  /** After a look: forgotten once settled, parked without a client, else the next step of the schedule. */
  private after(key: string, track: Track, noClient: boolean): void {
    const state = this.options.journal.get(key)?.state;
    if (state === undefined || !isOpenState(state)) {
      this.forget(key, track);
    } else if (noClient) {
      // Nothing to ask with: parked until the next rescan, not retried in a loop.
      track.at = null;
      this.tell(key, track);
    } else {
      track.attempt++;
      track.state = state;
      this.plan(key, track);
    }
  }

  private forget(key: string, track: Track): void {
    this.timers.clearTimeout(track.timer);
    this.tracked.delete(key);
    this.announce(key, null);
  }

  private statusOf(track: Track): CheckStatus {
    return { nextCheckAt: track.at, attempt: track.attempt + 1, checking: track.checking };
  }

  private tell(key: string, track: Track): void {
    this.announce(key, this.statusOf(track));
  }

  private announce(key: string, status: CheckStatus | null): void {
    try {
      this.options.onStatus?.(key, status);
    } catch (error) {
      this.options.report?.(error); // a failing listener must not stop the schedule
    }
  }
}

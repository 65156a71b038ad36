// The background reconciler's schedule with a fake clock: backoff, jitter bounds, the cap, one check of an
// entry at a time, waking on a journal change, parking what it cannot check, and stopping on close.
import { describe, expect, it } from 'vitest';
import type { JournalChange, JournalEntry } from '../../main/core/journal/index.ts';
import type { EntryState } from '../../main/core/journal/index.ts';
import {
  CHECK_BACKOFF,
  checkDelay,
  Reconciler,
  type CheckStatus,
  type EntryChecker,
  type Timers,
} from '../../main/core/reconcile/index.ts';

/** Timers that run only when the test moves the clock. */
class FakeTimers implements Timers {
  time = 1_000_000;
  private next = 0;
  private readonly due = new Map<number, { at: number; run: () => void }>();
  now = () => this.time;
  setTimeout = (run: () => void, ms: number): unknown => {
    const id = ++this.next;
    this.due.set(id, { at: this.time + ms, run });
    return id;
  };
  clearTimeout = (handle: unknown): void => {
    this.due.delete(handle as number);
  };
  pending(): number {
    return this.due.size;
  }
  /** Moves the clock, running each timer that falls due (and letting its promises settle). */
  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    for (;;) {
      const first = [...this.due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (first === undefined || first[1].at > until) break;
      this.due.delete(first[0]);
      this.time = first[1].at;
      first[1].run();
      await settle();
    }
    this.time = until;
    await settle();
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

function entry(key: string, state: EntryState = 'unknown'): JournalEntry {
  return {
    key,
    op: 'card.block',
    at: 1,
    connection: { baseUrl: 'http://127.0.0.1:1/', merchantId: 1, scheme: 'sha256-body', profileId: 'p' },
    params: { card_id: 'c1' },
    deadlineMs: 1000,
    state,
    updatedAt: 1,
  };
}

/** A journal of entries the test sets, with the change feed the reconciler listens to. */
class FakeJournal {
  readonly entries = new Map<string, JournalEntry>();
  private readonly listeners = new Set<(c: JournalChange) => void>();
  open = () => [...this.entries.values()].filter((e) => ['sending', 'pending', 'unknown'].includes(e.state));
  get = (key: string) => this.entries.get(key);
  onChange = (listener: (c: JournalChange) => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  listening(): number {
    return this.listeners.size;
  }
  set(key: string, state: EntryState): void {
    this.entries.set(key, { ...(this.entries.get(key) ?? entry(key)), state });
    for (const l of this.listeners) l({ key, op: 'card.block', state });
  }
}

/** A client whose checks wait until the test answers them. */
class ManualClient implements EntryChecker {
  readonly calls: { key: string; wait: boolean | undefined; answer: (s: EntryState) => void }[] = [];
  private readonly journal: FakeJournal;
  constructor(journal: FakeJournal) {
    this.journal = journal;
  }
  reconcile(e: JournalEntry, options: { wait?: boolean }): Promise<EntryState> {
    return new Promise((resolve) => {
      this.calls.push({
        key: e.key,
        wait: options.wait,
        answer: (state) => {
          if (state !== e.state) this.journal.set(e.key, state);
          resolve(state);
        },
      });
    });
  }
}

function setup(options: { random?: () => number; client?: 'none' } = {}) {
  const timers = new FakeTimers();
  const journal = new FakeJournal();
  const client = new ManualClient(journal);
  const told: [string, CheckStatus | null][] = [];
  const reconciler = new Reconciler({
    journal,
    clientFor: () => Promise.resolve(options.client === 'none' ? undefined : client),
    timers,
    random: options.random ?? (() => 0.5),
    onStatus: (key, status) => told.push([key, status]),
    rescanMs: 600_000,
  });
  return { timers, journal, client, reconciler, told };
}

describe('check schedule', () => {
  it('doubles from 2 s and stops growing at 5 min', () => {
    const mid = () => 0.5;
    expect([0, 1, 2, 3].map((a) => checkDelay(a, CHECK_BACKOFF, mid))).toEqual([2000, 4000, 8000, 16000]);
    expect(checkDelay(7, CHECK_BACKOFF, mid)).toBe(256_000);
    expect(checkDelay(8, CHECK_BACKOFF, mid)).toBe(300_000);
    expect(checkDelay(1000, CHECK_BACKOFF, mid)).toBe(300_000);
  });

  it('jitters each step by at most ±20 %, never above the cap', () => {
    for (const attempt of [0, 3, 6]) {
      const step = 2000 * 2 ** attempt;
      expect(checkDelay(attempt, CHECK_BACKOFF, () => 0)).toBe(step * 0.8);
      expect(checkDelay(attempt, CHECK_BACKOFF, () => 0.999999)).toBeCloseTo(step * 1.2, -1);
    }
    expect(checkDelay(9, CHECK_BACKOFF, () => 0.999999)).toBe(300_000);
    expect(checkDelay(9, CHECK_BACKOFF, () => 0)).toBe(240_000);
  });
});

describe('background reconciler', () => {
  it('checks an open entry at start, one look each time, backing off until it settles', async () => {
    const { timers, journal, client, reconciler } = setup();
    journal.entries.set('k', entry('k'));
    reconciler.start();
    expect(reconciler.status('k')).toEqual({ nextCheckAt: timers.time + 2000, attempt: 1, checking: false });
    await timers.advance(1999);
    expect(client.calls).toHaveLength(0);
    await timers.advance(1);
    expect(client.calls.map((c) => [c.key, c.wait])).toEqual([['k', false]]);
    expect(reconciler.status('k')?.checking).toBe(true);
    client.calls[0]?.answer('unknown');
    await settle();
    expect(reconciler.status('k')).toEqual({ nextCheckAt: timers.time + 4000, attempt: 2, checking: false });
    await timers.advance(4000);
    client.calls[1]?.answer('pending');
    await settle();
    expect(reconciler.status('k')?.nextCheckAt).toBe(timers.time + 8000);
    await timers.advance(8000);
    client.calls[2]?.answer('done');
    await settle();
    expect(reconciler.status('k')).toBeUndefined();
    await timers.advance(600_000 - 14_000);
    expect(client.calls).toHaveLength(3);
  });

  it('never runs two checks of one entry at once', async () => {
    const { timers, journal, client, reconciler } = setup();
    journal.entries.set('k', entry('k'));
    reconciler.start();
    await timers.advance(2000);
    expect(client.calls).toHaveLength(1);
    // Someone else records a new state meanwhile: no second check while the first runs.
    journal.set('k', 'pending');
    await timers.advance(60_000);
    expect(client.calls).toHaveLength(1);
    client.calls[0]?.answer('pending');
    await settle();
    await timers.advance(4000);
    expect(client.calls).toHaveLength(2);
  });

  it('wakes when an entry becomes open and starts over when someone else moves it', async () => {
    const { timers, journal, client, reconciler, told } = setup();
    reconciler.start();
    journal.set('n', 'sending');
    expect(told.at(-1)).toEqual(['n', { nextCheckAt: timers.time + 2000, attempt: 1, checking: false }]);
    for (let i = 0; i < 3; i++) {
      await timers.advance(60_000);
      client.calls.at(-1)?.answer('sending');
      await settle();
    }
    expect(reconciler.status('n')?.attempt).toBe(4);
    journal.set('n', 'unknown');
    expect(reconciler.status('n')).toEqual({ nextCheckAt: timers.time + 2000, attempt: 1, checking: false });
    journal.set('n', 'done');
    expect(reconciler.status('n')).toBeUndefined();
    expect(told.at(-1)).toEqual(['n', null]);
  });

  it('gives an entry found in the journal time to be delivered by the process that wrote it', async () => {
    const { timers, journal, client, reconciler } = setup();
    journal.entries.set('other', { ...entry('other'), updatedAt: timers.time - 30_000 });
    reconciler.start();
    expect(reconciler.status('other')?.nextCheckAt).toBe(timers.time + 90_000);
    await timers.advance(89_999);
    expect(client.calls).toHaveLength(0);
    await timers.advance(1);
    expect(client.calls).toHaveLength(1);
  });

  it("takes an operator's re-check as the check running now, never a second one at once", async () => {
    const { timers, journal, client, reconciler } = setup();
    journal.entries.set('k', entry('k'));
    reconciler.start();
    await timers.advance(2000);
    // The background check is running: the re-check waits for its answer instead of asking again.
    let asked = 0;
    const recheck = reconciler.checkNow('k', () => {
      asked++;
      return Promise.resolve();
    });
    await settle();
    client.calls[0]?.answer('done');
    await recheck;
    expect(asked).toBe(0);
    expect(reconciler.status('k')).toBeUndefined();
  });

  it("skips a due check while an operator's re-check runs, and plans the next one after it", async () => {
    const { timers, journal, client, reconciler } = setup();
    journal.entries.set('k', entry('k'));
    reconciler.start();
    let answer = (): void => undefined;
    const recheck = reconciler.checkNow('k', () => new Promise<void>((resolve) => (answer = resolve)));
    expect(reconciler.status('k')?.checking).toBe(true);
    await timers.advance(60_000);
    expect(client.calls).toHaveLength(0);
    answer();
    await recheck;
    expect(reconciler.status('k')).toEqual({ nextCheckAt: timers.time + 4000, attempt: 2, checking: false });
    await timers.advance(4000);
    expect(client.calls).toHaveLength(1);
  });

  it('checks a few entries at a time and queues the rest', async () => {
    const { timers, journal, client, reconciler } = setup();
    for (let i = 0; i < 6; i++) journal.entries.set(`k${String(i)}`, entry(`k${String(i)}`));
    reconciler.start();
    await timers.advance(2000);
    expect(client.calls).toHaveLength(4);
    client.calls[0]?.answer('done');
    await settle();
    expect(client.calls).toHaveLength(5);
  });

  it('parks an entry it has no client for, and looks again only at the rescan', async () => {
    const { timers, journal, reconciler } = setup({ client: 'none' });
    journal.entries.set('k', entry('k'));
    reconciler.start();
    await timers.advance(2000);
    expect(reconciler.status('k')).toEqual({ nextCheckAt: null, attempt: 1, checking: false });
    // No busy loop: only the rescan timer is left.
    expect(timers.pending()).toBe(1);
  });

  it('stops on close: no timer left, no listener, no check afterwards', async () => {
    const { timers, journal, client, reconciler } = setup();
    journal.entries.set('k', entry('k'));
    reconciler.start();
    await reconciler.close();
    expect(timers.pending()).toBe(0);
    expect(journal.listening()).toBe(0);
    journal.set('m', 'unknown');
    await timers.advance(600_000);
    expect(client.calls).toHaveLength(0);
  });

  it('waits on close for the check running now', async () => {
    const { timers, journal, client, reconciler } = setup();
    journal.entries.set('k', entry('k'));
    reconciler.start();
    await timers.advance(2000);
    let closed = false;
    const closing = reconciler.close().then(() => (closed = true));
    await settle();
    expect(closed).toBe(false);
    client.calls[0]?.answer('unknown');
    await closing;
    expect(timers.pending()).toBe(0);
  });
});

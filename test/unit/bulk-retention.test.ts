// Retention of bulk input rows (main/core/bulk/retention.ts): the purge runs at start and once a day, purges
// only finished jobs past the retention, and a purge a crash cut short is finished by the next one.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobStore, type JobMeta } from '../../main/core/bulk/job-store.ts';
import { DAY_MS, isNonPersonalColumn, purgeExpiredRows, schedulePurge } from '../../main/core/bulk/retention.ts';
import type { ValidRow } from '../../main/core/bulk/validate.ts';
import { tempDir } from '../support/temp-dir.ts';

const NOW = Date.UTC(2026, 5, 1);
const ROW = {
  row: 2,
  values: { product_id: '2000', phone: '77011234567', first_name: 'Aida' },
  input: { format: 'cards', productId: 2000, quantity: 1 },
} as unknown as ValidRow;

function job(store: JobStore, state: JobMeta['state'], endedDaysAgo: number): JobMeta {
  const meta = store.create(
    {
      profileId: 'sandbox',
      format: 'clients',
      fileName: 'f.csv',
      header: ['product_id', 'phone', 'first_name'],
      total: 1,
      concurrency: 1,
    },
    [ROW],
    NOW - endedDaysAgo * DAY_MS,
  );
  const ended = { ...meta, state, updatedAt: NOW - endedDaysAgo * DAY_MS };
  store.save(ended);
  return ended;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('purgeExpiredRows', () => {
  it('purges finished jobs past the retention only, keeping the non-personal columns', () => {
    const store = new JobStore(tempDir());
    const completed = job(store, 'completed', 31);
    const cancelled = job(store, 'cancelled', 31);
    const paused = job(store, 'paused', 60);
    const recent = job(store, 'completed', 29);
    const purged = purgeExpiredRows(store, { now: NOW, retentionDays: 30 });
    expect(purged.sort()).toEqual([completed.id, cancelled.id].sort());
    for (const id of [paused.id, recent.id]) expect(store.hasRows(id)).toBe(true);
    expect(store.meta(completed.id)).toMatchObject({ header: ['product_id'], rowsPurgedAt: NOW });
    expect(store.resultRows(completed.id)).toEqual([{ row: 2, values: { product_id: '2000' } }]);
    expect(isNonPersonalColumn('person_id')).toBe(false);
  });

  it('finishes a purge a crash cut short: rows.json left behind is purged again', () => {
    const store = new JobStore(tempDir());
    const meta = job(store, 'completed', 40);
    store.purgeRows(meta.id, isNonPersonalColumn, NOW);
    writeFileSync(join(store.root, meta.id, 'rows.json'), JSON.stringify([ROW])); // as if rm never happened
    expect(purgeExpiredRows(store, { now: NOW, retentionDays: 30 })).toEqual([meta.id]);
    expect(existsSync(join(store.root, meta.id, 'rows.json'))).toBe(false);
  });
});

describe('schedulePurge', () => {
  it('runs at once, then once a day until stopped; a failing run is reported and the next one still comes', () => {
    vi.useFakeTimers();
    const reported: unknown[] = [];
    let runs = 0;
    const stop = schedulePurge(
      () => {
        runs++;
        if (runs === 2) throw new Error('disk full');
      },
      (error) => reported.push(error),
    );
    expect(runs).toBe(1);
    vi.advanceTimersByTime(DAY_MS);
    vi.advanceTimersByTime(DAY_MS);
    expect(runs).toBe(3);
    expect(reported).toHaveLength(1);
    stop();
    vi.advanceTimersByTime(3 * DAY_MS);
    expect(runs).toBe(3);
  });
});

// The outbox fills itself: every audit record and every outcome of an operation is enqueued by SQLite in the
// transaction that writes it, in order, with ids and codes only (docs/architecture.md, shipping to the log server).
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../../main/core/journal/index.ts';
import { Outbox, OutboxBusy, retryBusy } from '../../../main/core/shipping/outbox.ts';
import { shippingStatus } from '../../../main/core/shipping/status.ts';
import { intent } from '../../support/journal-records.ts';
import { shippingOn } from '../../support/shipping-on.ts';
import { tempDir } from '../../support/temp-dir.ts';

describe('the shipping outbox', () => {
  it('enqueues audit records and outcomes, not intents, in the order they were written', () => {
    const dir = tempDir();
    shippingOn(dir);
    const journal = Journal.open(dir);
    journal.recordAudit({ key: 'a1', at: 10, action: 'secret.set', profileId: 'p1', details: {} });
    journal.recordIntent(intent('k1', 20, { profileId: 'p1' }));
    journal.recordOutcome({ key: 'k1', at: 30, state: 'failed', error: { code: 'card_blocked', description: 'x' } });
    journal.close();
    const outbox = new Outbox(dir);
    const rows = outbox.next(10);
    outbox.close();
    expect(rows.map((r) => [r.kind, r.at])).toEqual([
      ['audit', 10],
      ['outcome', 30],
    ]);
    expect(JSON.parse(rows[0]?.payload ?? '')).toMatchObject({ action: 'secret.set', profile: 'p1' });
    expect(JSON.parse(rows[1]?.payload ?? '')).toMatchObject({
      op: 'card.block',
      state: 'failed',
      requestId: 'k1',
      profile: 'p1',
      error: 'card_blocked',
    });
    expect(rows[1]?.ref).toMatch(/^operations\/k1\/\d+$/);
  });

  it('queues nothing until a shipper has seen a policy that names a server, and stops when it is gone', () => {
    const dir = tempDir();
    const journal = Journal.open(dir);
    journal.recordAudit({ key: 'a1', at: 1, action: 'x', details: {} });
    const outbox = new Outbox(dir);
    expect(outbox.status().pending).toBe(0);
    outbox.setEnabled(true);
    journal.recordAudit({ key: 'a2', at: 2, action: 'x', details: {} });
    outbox.setEnabled(false);
    journal.recordAudit({ key: 'a3', at: 3, action: 'x', details: {} });
    expect(outbox.next(10).map((r) => r.ref)).toEqual(['audit/a2']);
    outbox.close();
    journal.close();
  });

  it('fills from any writer: plain SQL in another connection, as a CLI or a job process would', () => {
    const dir = tempDir();
    shippingOn(dir);
    const db = new DatabaseSync(join(dir, 'journal.db'));
    db.exec("INSERT INTO audit (key, at, action, details) VALUES ('x', 5, 'bulk.start', '{\"rows\":3}')");
    db.close();
    expect(shippingStatus(dir, undefined, 100)).toEqual({
      configured: false,
      pending: 1,
      oldestPendingAt: 5,
      lastShippedAt: null,
      lastError: null,
      behind: false,
    });
  });

  it('moves the cursor: delivered records leave, the last error is kept until a delivery', () => {
    const dir = tempDir();
    shippingOn(dir);
    const journal = Journal.open(dir);
    for (let i = 1; i <= 3; i++) journal.recordAudit({ key: `a${String(i)}`, at: i, action: 'x', details: {} });
    journal.close();
    const outbox = new Outbox(dir);
    const [first, second] = outbox.next(2);
    outbox.failed('refused', 50);
    expect(outbox.status()).toMatchObject({ pending: 3, lastError: 'refused', lastErrorAt: 50 });
    outbox.delivered(second?.seq ?? 0, 60);
    expect(outbox.status()).toMatchObject({ pending: 1, oldestPendingAt: 3, lastShippedAt: 60, lastError: null });
    expect(outbox.next(5).map((r) => r.seq)).toEqual([(first?.seq ?? 0) + 2]);
    outbox.close();
  });

  it('lets one live shipper hold the lease, and takes it from one that is gone', () => {
    const dir = tempDir();
    Journal.open(dir).close();
    const a = new Outbox(dir);
    expect(a.acquire('a', 0, 1000)).toBe(true);
    expect(a.acquire('b', 500, 1000)).toBe(false);
    expect(a.acquire('b', 1500, 1000)).toBe(true);
    const db = new DatabaseSync(join(dir, 'journal.db'));
    db.prepare("UPDATE shipping_state SET value = ? WHERE name = 'lease'").run(
      JSON.stringify({ owner: 'dead', pid: 2 ** 22 + 1, until: 1e15 }),
    );
    db.close();
    expect(a.acquire('c', 2000, 1000)).toBe(true);
    a.close();
  });

  it('never waits synchronously for the journal of its own process, which commits at the end of the turn', async () => {
    const dir = tempDir();
    const journal = Journal.open(dir, { groupCommit: true });
    const outbox = new Outbox(dir);
    journal.recordIntent(intent('k1', 1)); // opens the turn's transaction
    expect(() => outbox.acquire('me', 0, 1000)).toThrow(OutboxBusy);
    await expect(retryBusy(() => outbox.acquire('me', 0, 1000))).resolves.toBe(true);
    outbox.close();
    journal.close();
  });

  it('keeps its triggers as they are when the journal is opened again', () => {
    const dir = tempDir();
    Journal.open(dir).close();
    const sql = () => {
      const db = new DatabaseSync(join(dir, 'journal.db'));
      const rows = db
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'outbox%' ORDER BY name")
        .all();
      db.close();
      return rows;
    };
    const before = sql();
    Journal.open(dir).close();
    expect(sql()).toEqual(before);
    expect(before).toHaveLength(2);
  });
});

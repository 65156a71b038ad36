import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { Journal, JOURNAL_FILE } from '../../main/core/journal/index.ts';
import { journalParams, journalResult, maskPhone } from '../../main/core/journal/redact.ts';
import { tempDir } from '../support/temp-dir.ts';
import { intent } from '../support/journal-records.ts';

/** What another process reading the data folder (a restart after a crash) finds, read apart from the journal. */
function rowsOnDisk(dir: string): { key: string; state: string }[] {
  const db = new DatabaseSync(join(dir, JOURNAL_FILE), { readOnly: true });
  try {
    return db.prepare('SELECT key, state FROM operations ORDER BY seq').all() as { key: string; state: string }[];
  } finally {
    db.close();
  }
}

describe('journal', () => {
  it('with group commit, lets every concurrent writer wait for one shared sync, and keeps the work item tag', async () => {
    const dir = tempDir();
    const journal = Journal.open(dir, { groupCommit: true });
    const waits: Promise<void>[] = [];
    for (let i = 0; i < 50; i++) {
      journal.recordIntent({ ...intent(`k${String(i)}`, 1000 + i), tag: `bulk:j1:${String(i)}:card` });
      waits.push(journal.durableNow());
    }
    await Promise.all(waits);
    expect(rowsOnDisk(dir)).toHaveLength(50);
    await journal.durableNow(); // nothing new: resolves at once
    journal.recordOutcome({ key: 'k0', at: 2000, state: 'done', result: {} });
    journal.close(); // syncs what is still unsynced
    const again = Journal.open(dir);
    expect(again.get('k0')).toMatchObject({ state: 'done', tag: 'bulk:j1:0:card' });
    expect(again.byTagPrefix('bulk:j1:')).toHaveLength(50);
    expect(again.byTagPrefix('bulk:j1:1')).toHaveLength(11); // 1, 10…19
    again.close();
  });

  it('with a commit window, a record of a later turn joins the open group; without one, each turn commits', async () => {
    for (const commitWindowMs of [0, 5_000]) {
      const journal = Journal.open(tempDir(), { groupCommit: true, commitWindowMs });
      const told: string[] = [];
      journal.onChange((change) => told.push(change.key));
      journal.recordIntent(intent('a'));
      await new Promise((resolve) => setImmediate(resolve)); // the next turn
      expect(told).toEqual(commitWindowMs === 0 ? ['a'] : []);
      journal.recordIntent(intent('b', 2000));
      journal.close(); // commits the open group
      expect(told).toEqual(['a', 'b']);
    }
  });

  it('folds intent and outcome records and survives reopening', () => {
    const dir = tempDir();
    const journal = Journal.open(dir);
    journal.recordIntent(intent('k1'));
    journal.recordIntent(intent('k2', 2000));
    journal.recordOutcome({ key: 'k1', at: 1500, state: 'unknown', reason: 'reset' });
    journal.recordOutcome({ key: 'k1', at: 1600, state: 'done', result: { request_status: 'success' } });
    journal.close();

    const again = Journal.open(dir);
    expect(again.get('k1')).toMatchObject({
      state: 'done',
      updatedAt: 1600,
      result: { request_status: 'success' },
      reason: 'reset', // kept from the earlier outcome, as the record stream kept it
    });
    expect(again.get('k2')).toMatchObject({ state: 'sending' });
    expect(again.open().map((e) => e.key)).toEqual(['k2']);
    expect(again.list().map((e) => e.key)).toEqual(['k1', 'k2']);
    again.close();
  });

  it('has the intent on disk before the caller continues (a crash between record and send)', () => {
    const dir = tempDir();
    const journal = Journal.open(dir);
    journal.recordIntent(intent('k-crash'));
    // Read the database as a restarted process would, without closing this one.
    expect(rowsOnDisk(dir)).toEqual([{ key: 'k-crash', state: 'sending' }]);
    const restarted = Journal.open(dir);
    expect(restarted.open().map((e) => e.key)).toEqual(['k-crash']);
    restarted.close();
    journal.close();
  });

  it('lets two connections write to one data folder without losing a write', async () => {
    // Two connections of one process, each committing at once (journal-processes.test.ts runs three processes,
    // with group commit).
    const dir = tempDir();
    const app = Journal.open(dir);
    const cli = Journal.open(dir);
    for (let i = 0; i < 200; i++) {
      (i % 2 === 0 ? app : cli).recordIntent(intent(`k${String(i)}`, i));
      if (i % 3 === 0) (i % 2 === 0 ? cli : app).recordAudit({ key: `a${String(i)}`, at: i, action: 'x', details: {} });
    }
    await app.durableNow();
    for (let i = 0; i < 200; i += 2)
      cli.recordOutcome({ key: `k${String(i)}`, at: 500 + i, state: 'done', result: {} });
    expect(app.count()).toBe(200);
    expect(app.count({ states: ['done'] })).toBe(100);
    expect(cli.auditTrail()).toHaveLength(67);
    app.close();
    cli.close();
  });

  it('announces each recorded change of an operation once, after it is written, until unsubscribed', () => {
    const dir = tempDir();
    const earlier = Journal.open(dir);
    earlier.recordIntent(intent('old'));
    earlier.close();

    const journal = Journal.open(dir);
    const changes: unknown[] = [];
    const seen: string[] = [];
    const off = journal.onChange((change) => {
      changes.push(change);
      seen.push(rowsOnDisk(dir).find((r) => r.key === change.key)?.state ?? 'missing');
    });
    journal.recordIntent(intent('k'));
    journal.recordOutcome({ key: 'k', at: 1100, state: 'unknown', reason: 'reset' });
    journal.recordOutcome({ key: 'k', at: 1200, state: 'unknown', reason: 'reset again' }); // no change: not written
    journal.recordOutcome({ key: 'old', at: 1300, state: 'pending' });
    journal.recordAudit({ key: 'a1', at: 1400, action: 'secret.set', details: {} }); // not an operation
    journal.recordOutcome({ key: 'k', at: 1500, state: 'done', result: {} });
    off();
    journal.recordOutcome({ key: 'old', at: 1600, state: 'done', result: {} });
    journal.close();

    expect(changes).toEqual([
      { key: 'k', op: 'card.block', state: 'sending' },
      { key: 'k', op: 'card.block', state: 'unknown' },
      { key: 'old', op: 'card.block', state: 'pending' },
      { key: 'k', op: 'card.block', state: 'done' },
    ]);
    // Each told after its own record was committed.
    expect(seen).toEqual(['sending', 'unknown', 'pending', 'done']);
  });

  it('refuses an outcome for an unknown key and a second intent for the same key', () => {
    const journal = Journal.open(tempDir());
    expect(() => {
      journal.recordOutcome({ key: 'nope', at: 1, state: 'done' });
    }).toThrow(/no operation nope/);
    journal.recordIntent(intent('k'));
    expect(() => {
      journal.recordIntent(intent('k'));
    }).toThrow(/already holds/);
    expect(journal.count()).toBe(1);
    journal.close();
  });
});

describe('journal redaction', () => {
  it('keeps ids and masks phones; drops names, documents, PINs and one-time codes', () => {
    const params = journalParams('client.create', {
      request_id: 'r1',
      product_id: 1000,
      client: {
        phone: 77011234567,
        type: 1,
        resident: 1,
        first_name: 'Ivan',
        last_name: 'Ivanov',
        document: 'JVBERi0xLjQ=',
        person_id: '900101300123',
      },
    });
    expect(params).toEqual({
      request_id: 'r1',
      product_id: 1000,
      client: { phone: '*******4567', type: 1, resident: 1, document: 'attached' },
    });
    const text = JSON.stringify(params);
    for (const secret of ['Ivan', 'JVBERi0', '900101300123', '77011234567']) expect(text).not.toContain(secret);

    expect(
      journalParams('card.setPin', { card_id: 'c1', pin: 'c2VjcmV0LXBpbi1ibG9iLXRoYXQtaXMtbG9uZy1lbm91Z2g=' }),
    ).toEqual({ card_id: 'c1', pin: 'entered' });
    expect(journalParams('card.setPin', { card_id: 'c1' })).toEqual({ card_id: 'c1', pin: 'generated' });
    expect(journalParams('gift.confirm', { card_id: 700001, otp: '123456' })).toEqual({ card_id: 700001 });
    expect(maskPhone(123)).toBe('****');
  });

  it('keeps assigned ids of a result and nothing sensitive', () => {
    expect(
      journalResult({
        client_id: 'cl_1',
        cards: [{ card_id: 'c1', pan: '4000001234567899' }],
        pan: '4000001234567899',
        cvv: '123',
      }),
    ).toEqual({
      client_id: 'cl_1',
      cards: [{ card_id: 'c1' }],
    });
  });
});

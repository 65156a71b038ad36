import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Journal, JOURNAL_FILE } from '../../main/core/journal/index.ts';
import { sealOf, type Link } from '../../main/core/journal/chain.ts';
import { verifyNow } from '../../main/core/journal/chain-verify.ts';
import { runAs } from '../../main/core/operators/actor.ts';
import { tempDir } from '../support/temp-dir.ts';
import { intent } from '../support/journal-records.ts';

const KEY = randomBytes(32);

function check(dir: string, key: Buffer | null = KEY) {
  const db = new DatabaseSync(join(dir, JOURNAL_FILE), { readOnly: true });
  try {
    return verifyNow(db, key ?? undefined, dir);
  } finally {
    db.close();
  }
}

function raw(dir: string, sql: string): void {
  const db = new DatabaseSync(join(dir, JOURNAL_FILE));
  db.exec(sql);
  db.close();
}

function history(dir: string): void {
  const journal = Journal.open(dir, { chainKey: KEY });
  runAs({ operatorId: 'teller-1', approverId: 'super-1' }, () => {
    journal.recordIntent(intent('op-1', 1000));
    journal.recordAudit({ key: 'a-1', at: 1001, action: 'settings.update', details: { language: 'en' } });
  });
  journal.recordOutcome({ key: 'op-1', at: 1002, state: 'done', result: { ok: true } });
  journal.recordIntent(intent('op-2', 1003));
  journal.close();
}

describe('the journal chain', () => {
  it('links every intent, change of state and audit record, and names who acted', () => {
    const dir = tempDir();
    history(dir);
    expect(check(dir)).toEqual({ state: 'whole', records: 4 });
    const journal = Journal.open(dir, { chainKey: KEY });
    expect(journal.get('op-1')).toMatchObject({ operatorId: 'teller-1', approverId: 'super-1', state: 'done' });
    expect(journal.get('op-2')?.operatorId).toBeUndefined();
    expect(journal.auditTrail()[0]).toMatchObject({ operatorId: 'teller-1', approverId: 'super-1' });
    journal.close();
  });

  it('names the first record that changed, was removed or moved', () => {
    const cases: [string, string, object][] = [
      [
        'an audit detail',
        'UPDATE audit SET details = \'{"language":"ru"}\' WHERE key = \'a-1\'',
        { table: 'audit', key: 'a-1' },
      ],
      [
        'a result',
        "UPDATE operations SET result = '{\"ok\":false}' WHERE key = 'op-1'",
        { table: 'operations', key: 'op-1' },
      ],
      [
        'an operator',
        "UPDATE operations SET operator_id = 'x' WHERE key = 'op-1'",
        { table: 'operations', key: 'op-1' },
      ],
      ['a removed row', "DELETE FROM operations WHERE key = 'op-2'", { table: 'operations', key: 'op-2' }],
      [
        'a removed change',
        "DELETE FROM changes WHERE key = 'op-1' AND state = 'done'",
        { table: 'operations', key: 'op-1' },
      ],
      ['a moved row', 'UPDATE audit SET seq = 7 WHERE seq = 1', { table: 'audit', key: 'a-1' }],
      // The link after the one removed: its predecessor is gone.
      ['a removed link', 'DELETE FROM chain WHERE seq = 2', { table: 'operations', key: 'op-1' }],
    ];
    for (const [what, sql, record] of cases) {
      const dir = tempDir();
      history(dir);
      raw(dir, sql);
      const result = check(dir);
      expect(result, what).toMatchObject({ state: 'broken', record });
    }
  });

  it('without the key, cannot check a keyed chain; with it, never counts links sealed without it', () => {
    const dir = tempDir();
    history(dir);
    expect(check(dir, null)).toMatchObject({ state: 'unverifiable' });
    // The keychain could not give the key: links 5 and 6 are sealed without it, then the key is back.
    const unkeyed = Journal.open(dir);
    unkeyed.recordAudit({ key: 'a-2', at: 2000, action: 'x', details: {} });
    unkeyed.recordAudit({ key: 'a-3', at: 2001, action: 'x', details: {} });
    unkeyed.close();
    expect(check(dir)).toEqual({ state: 'unkeyed', records: 6, runs: [{ from: 5, to: 6, sealedAfter: false }] });
    const keyed = Journal.open(dir, { chainKey: KEY });
    keyed.recordAudit({ key: 'a-4', at: 2002, action: 'x', details: {} });
    keyed.close();
    expect(check(dir)).toEqual({ state: 'unkeyed', records: 7, runs: [{ from: 5, to: 6, sealedAfter: true }] });
    // A change is still a change, inside the run or outside it.
    raw(dir, "UPDATE audit SET details = '{\"a\":1}' WHERE key = 'a-2'");
    expect(check(dir)).toMatchObject({ state: 'broken', record: { table: 'audit', key: 'a-2' } });
    raw(dir, "UPDATE audit SET details = '{}' WHERE key = 'a-2'");
    raw(dir, 'UPDATE audit SET details = \'{"language":"ru"}\' WHERE key = \'a-1\'');
    expect(check(dir)).toMatchObject({ state: 'broken', record: { table: 'audit', key: 'a-1' } });
  });

  it('refuses an unkeyed link whose plain seal does not match, and a keyed one remade as unkeyed mid-chain', () => {
    const dir = tempDir();
    history(dir);
    // Link 2 (the audit record) turned into an unkeyed link by someone without the key: link 3's seal breaks.
    const db = new DatabaseSync(join(dir, JOURNAL_FILE));
    const link = db.prepare('SELECT * FROM chain WHERE seq = 2').get() as unknown as Link;
    const prev = (db.prepare('SELECT mac FROM chain WHERE seq = 1').get() as { mac: string }).mac;
    const mac = sealOf(undefined, prev, { ...link, keyed: 0 });
    db.prepare('UPDATE chain SET keyed = 0, mac = ? WHERE seq = 2').run(mac);
    db.close();
    expect(check(dir)).toMatchObject({ state: 'broken', record: { table: 'operations', key: 'op-1' } });
    raw(dir, "UPDATE chain SET mac = 'x' WHERE seq = 2");
    expect(check(dir)).toMatchObject({ state: 'broken', record: { table: 'audit', key: 'a-1' } });
  });

  it('stays one line while two connections and another process write at once', async () => {
    const dir = tempDir();
    // Without group commit: two batches of one thread would wait on each other's lock.
    const a = Journal.open(dir, { chainKey: KEY });
    const b = Journal.open(dir, { chainKey: KEY });
    const child = promisify(execFile)(process.execPath, [
      join(import.meta.dirname, '../support/chain-writer.ts'),
      dir,
      'p',
      '40',
      KEY.toString('hex'),
    ]);
    for (let i = 0; i < 40; i++) {
      a.recordIntent(intent(`a-${String(i)}`, i));
      b.recordIntent(intent(`b-${String(i)}`, i));
      await Promise.all([a.durableNow(), b.durableNow()]);
      b.recordOutcome({ key: `a-${String(i)}`, at: i + 1, state: 'done', result: {} });
      a.recordAudit({ key: `x-${String(i)}`, at: i, action: 'x', details: {} });
    }
    await Promise.all([a.durableNow(), b.durableNow()]);
    expect((await child).stdout).toBe('ok\n');
    a.close();
    b.close();
    // 80 intents, 40 outcomes and 40 audits here; 40 intents, 40 outcomes and 8 audits there.
    expect(check(dir)).toEqual({ state: 'whole', records: 248 });
  });
});

describe('the schema 2 migration', () => {
  it('adds the operator columns and links every record of a schema 1 journal, keyed', () => {
    const dir = tempDir();
    const db = new DatabaseSync(join(dir, JOURNAL_FILE));
    db.exec(readFileSync(join(import.meta.dirname, '../support/fixtures/journal-v1.sql'), 'utf8'));
    db.close();
    const journal = Journal.open(dir, { chainKey: KEY });
    expect(journal.get('v1-done')).toMatchObject({ state: 'done', result: { card_id: 'c-1' } });
    expect(journal.get('v1-done')?.operatorId).toBeUndefined();
    runAs({ operatorId: 'teller-1' }, () => {
      journal.recordOutcome({ key: 'v1-open', at: 2000, state: 'done', result: {} });
    });
    // The later outcome keeps the operation's operator: none, as it was made before operators.
    expect(journal.get('v1-open')?.operatorId).toBeUndefined();
    journal.close();
    const after = new DatabaseSync(join(dir, JOURNAL_FILE), { readOnly: true });
    expect(after.prepare("SELECT value FROM meta WHERE name = 'schema'").get()).toEqual({ value: '2' });
    after.close();
    // Intent and outcome of v1-done, intent of v1-open, the audit record, and the new outcome.
    expect(check(dir)).toEqual({ state: 'whole', records: 5 });
  });
});

describe('records by operator', () => {
  it('filters operations and audit records by who made or approved them, and shows both', async () => {
    const { entryView, auditView } = await import('../../main/core/services/journal-views.ts');
    const dir = tempDir();
    history(dir);
    const journal = Journal.open(dir, { chainKey: KEY });
    expect(journal.page({ operatorId: 'teller-1', limit: 10 }).items.map((e) => e.key)).toEqual(['op-1']);
    expect(journal.count({ operatorId: 'nobody' })).toBe(0);
    expect(journal.auditPage({ operatorId: 'teller-1', limit: 10 }).items.map((r) => r.key)).toEqual(['a-1']);
    // The approver finds what they approved too.
    expect(journal.page({ operatorId: 'super-1', limit: 10 }).items.map((e) => e.key)).toEqual(['op-1']);
    expect(journal.count({ operatorId: 'super-1' })).toBe(1);
    expect(journal.auditPage({ operatorId: 'super-1', limit: 10 }).items.map((r) => r.key)).toEqual(['a-1']);
    const names = (id: string) => (id === 'teller-1' ? 'Aigerim' : undefined);
    const op = journal.get('op-1');
    expect(op && entryView(op, names)).toMatchObject({
      operator: { id: 'teller-1', name: 'Aigerim' },
      approver: { id: 'super-1', name: 'super-1' },
    });
    const op2 = journal.get('op-2');
    expect(op2 && entryView(op2)).toMatchObject({ operator: null, approver: null });
    expect(auditView(journal.auditTrail()[0] as never, names).operator).toEqual({ id: 'teller-1', name: 'Aigerim' });
    journal.close();
  });
});

describe('the chain across archiving', () => {
  it('stays whole when records move to an archive, and names the archive when its file changes', async () => {
    const { archiveJournal } = await import('../../main/core/journal/archive.ts');
    const { readdirSync, writeFileSync } = await import('node:fs');
    const dir = tempDir();
    history(dir);
    const journal = Journal.open(dir, { chainKey: KEY });
    const report = await archiveJournal(journal, dir, 1002.5, () => 5000);
    expect(report).toMatchObject({ operations: 1, audits: 1 });
    journal.recordAudit({ key: 'after', at: 6000, action: 'x', details: {} });
    journal.close();
    // op-1 and a-1 left the store; the archiving's own audit record and the one after it are chained.
    expect(check(dir)).toEqual({ state: 'whole', records: 6 });
    const [name = ''] = readdirSync(join(dir, 'archive'));
    writeFileSync(join(dir, 'archive', name), 'not the archive');
    expect(check(dir)).toMatchObject({ state: 'broken', record: { table: 'archive', key: name } });
    // The contract names the archive file too, not an audit record.
    const { chainView } = await import('../../main/core/journal/chain-watch.ts');
    expect(chainView(check(dir), 7000)).toEqual({
      state: 'broken',
      record: { table: 'archive', seq: expect.any(Number) as number, key: name },
      verifiedAt: 7000,
    });
  });

  it('names a record removed as if archived, when the list the archive link commits to changed', async () => {
    const { archiveJournal } = await import('../../main/core/journal/archive.ts');
    const dir = tempDir();
    history(dir);
    const journal = Journal.open(dir, { chainKey: KEY });
    await archiveJournal(journal, dir, 1002.5, () => 5000);
    journal.close();
    raw(dir, "INSERT INTO chain_archived SELECT archive_seq, 'operations', 2 FROM chain_archived LIMIT 1");
    raw(dir, "DELETE FROM operations WHERE key = 'op-2'");
    expect(check(dir)).toMatchObject({ state: 'broken', record: { table: 'archive' } });
  });
});

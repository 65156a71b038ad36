import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal, JOURNAL_FILE } from '../../main/core/journal/index.ts';
import { journalParams, journalResult, maskPhone } from '../../main/core/journal/redact.ts';
import { tempDir } from '../support/temp-dir.ts';

const connection = { baseUrl: 'http://127.0.0.1:1', merchantId: 1, scheme: 'sha256-body' as const };
const intent = (key: string, at = 1000) => ({
  key,
  op: 'card.block',
  at,
  connection,
  bodySha256: 'ab'.repeat(32),
  params: { card_id: 'c1' },
  deadlineMs: 15_000,
});

describe('journal', () => {
  it('with group commit, lets every concurrent writer wait for one shared flush, and keeps the work item tag', async () => {
    const dir = tempDir();
    const journal = Journal.open(dir, { groupCommit: true });
    const waits: Promise<void>[] = [];
    for (let i = 0; i < 50; i++) {
      journal.recordIntent({ ...intent(`k${String(i)}`, 1000 + i), tag: `bulk:j1:${String(i)}:card` });
      waits.push(journal.durableNow());
    }
    await Promise.all(waits);
    // Once durable, a reader of the file (another process after a crash) sees every intent.
    const lines = readFileSync(join(dir, JOURNAL_FILE), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(50);
    await journal.durableNow(); // nothing new: resolves at once
    journal.recordOutcome({ key: 'k0', at: 2000, state: 'done', result: {} });
    journal.close(); // flushes what is still unsynced
    const again = Journal.open(dir);
    expect(again.get('k0')).toMatchObject({ state: 'done', tag: 'bulk:j1:0:card' });
    expect(again.list().filter((e) => e.tag?.startsWith('bulk:j1:'))).toHaveLength(50);
    again.close();
  });

  it('folds intent and outcome records and survives reopening', () => {
    const dir = tempDir();
    const journal = Journal.open(dir);
    journal.recordIntent(intent('k1'));
    journal.recordIntent(intent('k2', 2000));
    journal.recordOutcome({ key: 'k1', at: 1500, state: 'done', result: { request_status: 'success' } });
    journal.close();

    const again = Journal.open(dir);
    expect(again.get('k1')).toMatchObject({ state: 'done', updatedAt: 1500, result: { request_status: 'success' } });
    expect(again.get('k2')).toMatchObject({ state: 'sending' });
    expect(again.open().map((e) => e.key)).toEqual(['k2']);
    expect(again.list().map((e) => e.key)).toEqual(['k1', 'k2']);
    again.close();
  });

  it('skips a torn last record after a crash and keeps appending on a fresh line', () => {
    const dir = tempDir();
    const first = Journal.open(dir);
    first.recordIntent(intent('k1'));
    first.close();
    // A crash in the middle of writing the outcome leaves half a line.
    appendFileSync(join(dir, JOURNAL_FILE), '{"type":"outcome","key":"k1","at":20');

    const reopened = Journal.open(dir);
    expect(reopened.report.skipped).toBe(1);
    expect(reopened.get('k1')?.state).toBe('sending');
    reopened.recordOutcome({
      key: 'k1',
      at: 3000,
      state: 'failed',
      error: { code: 'invalid_card_state', description: 'x' },
    });
    reopened.close();

    const lines = readFileSync(join(dir, JOURNAL_FILE), 'utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    const last = Journal.open(dir);
    expect(last.get('k1')).toMatchObject({ state: 'failed', error: { code: 'invalid_card_state' } });
    expect(last.report.skipped).toBe(1);
    last.close();
  });

  it('skips damaged or foreign lines in the middle without losing the rest', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, JOURNAL_FILE),
      [
        JSON.stringify({ type: 'intent', ...intent('a') }),
        'garbage',
        '{"type":"intent"}',
        JSON.stringify({ type: 'outcome', key: 'a', at: 5, state: 'done' }),
        '',
      ].join('\n'),
    );
    const journal = Journal.open(dir);
    expect(journal.report.skipped).toBe(2);
    expect(journal.get('a')?.state).toBe('done');
    journal.close();
  });

  it('has the intent on disk before the caller continues (a crash between record and send)', () => {
    const dir = tempDir();
    const journal = Journal.open(dir);
    journal.recordIntent(intent('k-crash'));
    // Read the file as a restarted process would, without closing this one.
    const onDisk = readFileSync(join(dir, JOURNAL_FILE), 'utf8');
    expect(onDisk).toContain('"k-crash"');
    const restarted = Journal.open(dir);
    expect(restarted.open().map((e) => e.key)).toEqual(['k-crash']);
    restarted.close();
    journal.close();
  });

  it('announces each recorded change of an operation once, after it is written, until unsubscribed', () => {
    const dir = tempDir();
    const earlier = Journal.open(dir);
    earlier.recordIntent(intent('old'));
    earlier.close();

    const journal = Journal.open(dir);
    const changes: unknown[] = [];
    const linesWritten: number[] = [];
    const off = journal.onChange((change) => {
      changes.push(change);
      linesWritten.push(readFileSync(join(dir, JOURNAL_FILE), 'utf8').trim().split('\n').length);
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
    // Each after its own record (the earlier run's intent is line 1, the audit record line 5).
    expect(linesWritten).toEqual([2, 3, 4, 6]);
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

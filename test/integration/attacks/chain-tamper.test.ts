// Attacks on the audit trail at rest (docs/architecture.md, "The audit chain"): someone with the data folder
// changes one byte of one record in the store, removes a row or moves one, and `card-desk audit verify` names
// it (exit 1) and audit.status says the chain is broken at it. Someone who also remakes the links with plain
// SHA-256 is still caught: the links are sealed with a key kept in the keychain, not in the folder.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { operationDigest, sealOf, type Link } from '../../../main/core/journal/chain.ts';
import { verifyNow } from '../../../main/core/journal/chain-verify.ts';
import { Journal, JOURNAL_FILE } from '../../../main/core/journal/index.ts';
import { runAs } from '../../../main/core/operators/actor.ts';
import { createServices } from '../../../main/core/services/index.ts';
import { attack } from '../../support/attack.ts';
import { intent } from '../../support/journal-records.ts';
import { runCli } from '../../support/run-cli.ts';
import { signInAdmin } from '../../support/sign-in.ts';
import { openTestDesk, TEST_APP_INFO } from '../../support/test-desk.ts';
import { tempDir } from '../../support/temp-dir.ts';

/** A history written as the app writes it: an operator's operation and its outcome, audit records between. */
function history(dir: string, chainKey?: Buffer): void {
  const journal = Journal.open(dir, chainKey === undefined ? {} : { chainKey });
  runAs({ operatorId: 'teller-1' }, () => {
    journal.recordIntent(intent('op-1', 1000));
    journal.recordAudit({ key: 'audit-1', at: 1001, action: 'card.reveal', details: { cardId: 'c-1' } });
    journal.recordOutcome({ key: 'op-1', at: 1002, state: 'done', result: { card_id: 'c-1' } });
    journal.recordIntent(intent('op-2', 1003));
    journal.recordAudit({ key: 'audit-2', at: 1004, action: 'settings.update', details: { language: 'en' } });
  });
  journal.close();
}

function tamper(dir: string, sql: string): void {
  const db = new DatabaseSync(join(dir, JOURNAL_FILE));
  db.exec(sql);
  db.close();
}

const TAMPERS: [string, string, string][] = [
  [
    'one byte of an audit record’s details',
    "UPDATE audit SET details = replace(details, 'c-1', 'c-2') WHERE key = 'audit-1'",
    'audit 1 audit-1',
  ],
  [
    'one byte of an operation’s result',
    "UPDATE operations SET result = replace(result, 'c-1', 'c-2') WHERE key = 'op-1'",
    'operations 1 op-1',
  ],
  ['a removed operation', "DELETE FROM operations WHERE key = 'op-2'", 'operations 2 op-2'],
  [
    'two audit records swapped',
    'UPDATE audit SET seq = -1 WHERE seq = 1; UPDATE audit SET seq = 1 WHERE seq = 2; UPDATE audit SET seq = 2 WHERE seq = -1',
    'audit 1 audit-1',
  ],
];

describe('the audit chain at rest', () => {
  for (const [what, sql, named] of TAMPERS) {
    it(`names ${what} in card-desk audit verify`, async () => {
      await attack(`chain: ${what} is found by audit verify`, async () => {
        const dir = tempDir();
        history(dir);
        const whole = await runCli(['audit', 'verify', '--data-dir', dir]);
        expect(whole.stdout).toMatch(/whole: 5 record/);
        expect(whole.code).toBe(0);
        tamper(dir, sql);
        const broken = await runCli(['audit', 'verify', '--data-dir', dir]);
        expect(broken.code).toBe(1);
        expect(broken.stdout).toContain(`broken at ${named}`);
      });
    });
  }

  it('says broken in audit.status, naming the record', async () => {
    await attack('chain: a changed audit record is named by audit.status', async () => {
      const dir = tempDir();
      history(dir);
      tamper(dir, "UPDATE audit SET details = replace(details, 'en', 'ru') WHERE key = 'audit-2'");
      const desk = openTestDesk({ dataDir: dir });
      const services = createServices({ desk, appInfo: TEST_APP_INFO, report: () => undefined });
      try {
        await signInAdmin(services);
        // What the signed-in operator does is recorded under their name.
        await services.dispatch('settings.setLanguage', { language: 'ru' });
        const trail = await services.dispatch('journal.audit', { limit: 1 });
        expect(trail).toMatchObject({
          ok: true,
          value: { entries: [{ operator: { id: 'admin', name: 'Test Admin' }, approver: null }] },
        });
        await desk.chain.verify();
        const reply = await services.dispatch('audit.status', {});
        expect(reply).toMatchObject({
          ok: true,
          value: { chain: { state: 'broken', record: { table: 'audit', seq: 2, key: 'audit-2' } } },
        });
      } finally {
        await services.close(); // closes the desk too
      }
    });
  });

  it('catches a record rewritten with every link after it remade as plain SHA-256', async () => {
    await attack('chain: links remade without the keychain key are not counted as verified', () => {
      const key = randomBytes(32);
      const dir = tempDir();
      history(dir, key);
      // The attacker changes the result and remakes the record's digest and every link from there on,
      // as a chain without a key would let them.
      const db = new DatabaseSync(join(dir, JOURNAL_FILE));
      db.exec("UPDATE operations SET result = replace(result, 'c-1', 'c-2') WHERE key = 'op-1'");
      const links = db.prepare('SELECT * FROM chain ORDER BY seq').all() as unknown as Link[];
      const row = db.prepare("SELECT * FROM operations WHERE key = 'op-1'").get() as never;
      let prev = '';
      for (const link of links) {
        const remade = {
          ...link,
          keyed: 0,
          row: link.key === 'op-1' && link.change_seq !== null ? operationDigest(row) : link.row,
        };
        const mac = sealOf(undefined, prev, remade);
        db.prepare('UPDATE chain SET keyed = 0, row = ?, mac = ? WHERE seq = ?').run(remade.row, mac, link.seq);
        prev = mac;
      }
      db.close();
      const read = new DatabaseSync(join(dir, JOURNAL_FILE), { readOnly: true });
      try {
        // Without the key the remade chain would pass; with the keychain's key none of it counts as verified:
        // every link is named as sealed without the key, up to the end, where anyone could have remade it.
        expect(verifyNow(read, undefined, dir)).toMatchObject({ state: 'whole' });
        expect(verifyNow(read, key, dir)).toEqual({
          state: 'unkeyed',
          records: 5,
          runs: [{ from: 1, to: 5, sealedAfter: false }],
        });
      } finally {
        read.close();
      }
    });
  });
});

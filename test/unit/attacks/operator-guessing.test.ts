// Attacks on operator sign-in as someone at the workstation (or a script against the contract) would try them:
// guessing one operator's PIN fast, restarting the app to reset the count, telling real ids from made-up ones by
// the answers, and reading the data folder's database for the secrets.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { OperatorAccounts } from '../../../main/core/operators/accounts.ts';
import { FREE_ATTEMPTS } from '../../../main/core/session/pin-attempts.ts';
import { attack } from '../../support/attack.ts';
import { tempDir } from '../../support/temp-dir.ts';

const PIN = '730519';
const PASSPHRASE = 'Tulpar-Saddle-Quince-42';

async function workstation(dataDir: string, clock: { now: number }) {
  const accounts = OperatorAccounts.open(join(dataDir, 'journal.db'), () => clock.now);
  if (accounts.count() === 0) {
    await accounts.add({ id: 'aigul', name: 'Aigul', roles: ['teller'], secret: PIN, source: 'workstation' });
    await accounts.add({ id: 'boss', name: 'Boss', roles: ['supervisor'], secret: PASSPHRASE, source: 'workstation' });
  }
  return accounts;
}

const codeOf = async (run: Promise<unknown>) => {
  try {
    await run;
    return 'signed in';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('guessing an operator’s PIN', () => {
  it('is throttled per operator, and a restart does not reset the count', () =>
    attack('guessing an operator PIN across restarts', async () => {
      const dataDir = tempDir('card-desk-operator-guess-');
      const clock = { now: 5_000_000 };
      let accounts = await workstation(dataDir, clock);
      const tried: string[] = [];
      for (let guess = 0; guess < 200; guess++) {
        // The attacker restarts the app every few guesses, hoping for a fresh count.
        if (guess % 3 === 0) {
          accounts.close();
          accounts = await workstation(dataDir, clock);
        }
        tried.push(await codeOf(accounts.verify('aigul', String(100000 + guess))));
      }
      // Only the free attempts were checked; every other guess was refused before any hash work.
      expect(tried.filter((c) => c === 'operator_unknown_or_wrong_secret')).toHaveLength(FREE_ATTEMPTS);
      expect(tried.filter((c) => c === 'operator_locked')).toHaveLength(200 - FREE_ATTEMPTS);
      expect(await codeOf(accounts.verify('aigul', PIN))).toBe('operator_locked');
      // Another operator at the same workstation is not locked out by it.
      expect(await codeOf(accounts.verify('boss', PASSPHRASE))).toBe('signed in');
      accounts.close();
    }));

  it(
    'cannot tell a real id from a made-up one by the answers or the waits, across a restart',
    () =>
      attack('telling operator ids apart by sign-in answers', async () => {
        const dataDir = tempDir('card-desk-operator-ids-');
        const clock = { now: 0 };
        let accounts = await workstation(dataDir, clock);
        const answers: Record<string, unknown[]> = { 'made-up': [], aigul: [] };
        for (let i = 0; i < FREE_ATTEMPTS + 2; i++) {
          // Restarting between attempts must not reset one kind of id and not the other.
          if (i === 3) {
            accounts.close();
            accounts = await workstation(dataDir, clock);
          }
          for (const id of Object.keys(answers)) {
            try {
              await accounts.verify(id, '000000');
            } catch (error) {
              const { code, details } = error as { code: string; details: unknown };
              answers[id]?.push({ code, details });
            }
          }
        }
        expect(answers['made-up']).toEqual(answers.aigul);
        expect(answers.aigul?.at(-1)).toMatchObject({ code: 'operator_locked' });
        accounts.close();
      }),
    60_000,
  );

  it('the operators table and the database files never hold a secret in clear', () =>
    attack('reading operator secrets from the data folder', async () => {
      const dataDir = tempDir('card-desk-operator-files-');
      const accounts = await workstation(dataDir, { now: 0 });
      await accounts.resetSecret('aigul', '918273');
      accounts.close();
      const db = new DatabaseSync(join(dataDir, 'journal.db'));
      const rows = JSON.stringify(db.prepare('SELECT * FROM operators').all());
      db.close();
      for (const secret of [PIN, PASSPHRASE, '918273']) {
        expect(rows).not.toContain(secret);
        for (const file of readdirSync(dataDir)) {
          expect(readFileSync(join(dataDir, file)).includes(Buffer.from(secret))).toBe(false);
        }
      }
      expect(rows).toMatch(/scrypt\$/);
    }));
});

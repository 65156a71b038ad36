// `card-desk operator …` end to end: accounts added, listed, disabled and reset from the command line, secrets
// only from standard input and never in any output, a policy's accounts from a hash, every change audited.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OperatorAccounts } from '../../main/core/operators/accounts.ts';
import { Journal } from '../../main/core/journal/index.ts';
import { filesUnder } from '../support/files-under.ts';
import { runCli } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const PIN = '583920';
const PASSPHRASE = 'Saryarka steppe wind 9';

const op = (args: string[], dataDir: string, stdin = '') => runCli(['operator', ...args, '--data-dir', dataDir], stdin);

async function verify(dataDir: string, id: string, secret: string) {
  const accounts = OperatorAccounts.open(join(dataDir, 'journal.db'));
  try {
    return await accounts.verify(id, secret);
  } finally {
    accounts.close();
  }
}

describe('card-desk operator', () => {
  it('adds, lists, disables and resets operators; refusals exit 2 with one line', async () => {
    const dataDir = tempDir('card-desk-operator-cli-');
    const added = await op(
      ['add', '--id', 'aliya', '--name', 'Aliya K', '--role', 'administrator,teller'],
      dataDir,
      `${PIN}\n`,
    );
    expect(added).toMatchObject({ code: 0, stdout: 'added operator aliya (administrator,teller)\n' });
    expect(
      await op(['add', '--id', 'timur', '--name', 'Timur', '--role', 'teller'], dataDir, `${PASSPHRASE}\n`),
    ).toMatchObject({
      code: 0,
    });
    expect(await verify(dataDir, 'aliya', PIN)).toEqual({
      id: 'aliya',
      name: 'Aliya K',
      roles: ['teller', 'administrator'],
    });

    const duplicate = await op(['add', '--id', 'aliya', '--name', 'Other', '--role', 'teller'], dataDir, '1111\n');
    expect(duplicate).toMatchObject({ code: 2, stderr: 'card-desk: there is already an operator aliya\n' });
    const lastAdmin = await op(['disable', '--id', 'aliya'], dataDir);
    expect(lastAdmin.code).toBe(2);
    expect(lastAdmin.stderr).toMatch(/last enabled administrator/);

    expect(await op(['disable', '--id', 'timur'], dataDir)).toMatchObject({
      code: 0,
      stdout: 'disabled operator timur\n',
    });
    const list = await op(['list', '--json'], dataDir);
    expect(list.code).toBe(0);
    const listed = JSON.parse(list.stdout) as { id: string; enabled: boolean; source: string }[];
    expect(listed.map((o) => [o.id, o.enabled, o.source])).toEqual([
      ['aliya', true, 'workstation'],
      ['timur', false, 'workstation'],
    ]);
    expect(list.stdout).not.toMatch(/scrypt|hash/i);

    expect(await op(['reset-pin', '--id', 'aliya'], dataDir, '246813\n')).toMatchObject({ code: 0 });
    await expect(verify(dataDir, 'aliya', PIN)).rejects.toMatchObject({ code: 'operator_unknown_or_wrong_secret' });
    await expect(verify(dataDir, 'aliya', '246813')).resolves.toMatchObject({ id: 'aliya' });

    const journal = Journal.open(dataDir);
    const actions = journal.auditPage({ limit: 50 }).items.map((a) => [a.action, a.details.operatorId]);
    journal.close();
    expect(actions).toEqual(
      expect.arrayContaining([
        ['operator.add', 'aliya'],
        ['operator.add', 'timur'],
        ['operator.disable', 'timur'],
        ['operator.secret.reset', 'aliya'],
      ]),
    );
    // No secret in any file of the data folder (the database holds hashes only, the log nothing).
    for (const file of filesUnder(dataDir)) {
      const bytes = readFileSync(file);
      for (const secret of [PIN, PASSPHRASE, '246813']) expect(bytes.includes(Buffer.from(secret))).toBe(false);
    }
  }, 60_000);

  it('refuses a secret that is no PIN or passphrase, a bad id and a bad role, before touching the data folder', async () => {
    const dataDir = tempDir('card-desk-operator-cli-bad-');
    const short = await op(['add', '--id', 'a', '--name', 'A', '--role', 'teller'], dataDir, '12\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/PIN of 4 to 12 digits/);
    expect((await op(['add', '--id', 'Bad!', '--name', 'A', '--role', 'teller'], dataDir, '1234\n')).code).toBe(2);
    const role = await op(['add', '--id', 'a', '--name', 'A', '--role', 'teller,boss'], dataDir, '1234\n');
    expect(role.code).toBe(2);
    expect(role.stderr).toMatch(/--role/);
    expect(filesUnder(dataDir)).toEqual([]);
  });

  it('hash-pin makes the hash a provisioning file gives an operator; importing it provides the account', async () => {
    const dataDir = tempDir('card-desk-operator-cli-policy-');
    const hashed = await runCli(['operator', 'hash-pin'], `${PASSPHRASE}\n`);
    expect(hashed.code).toBe(0);
    expect(hashed.stdout).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hashed.stdout).not.toContain(PASSPHRASE);
    const file = join(dataDir, 'provisioning.json');
    const operators = [{ id: 'bota', name: 'Bota', roles: ['supervisor'], pinHash: hashed.stdout.trim() }];
    writeFileSync(file, JSON.stringify({ version: 1, policy: { operators, dualControl: ['cards.close'] } }));
    expect((await runCli(['profile', 'import', file, '--data-dir', dataDir])).code).toBe(0);
    const list = JSON.parse((await op(['list', '--json'], dataDir)).stdout) as { id: string; source: string }[];
    expect(list).toEqual([expect.objectContaining({ id: 'bota', source: 'provisioned', roles: ['supervisor'] })]);
    await expect(verify(dataDir, 'bota', PASSPHRASE)).resolves.toMatchObject({ id: 'bota' });
  }, 60_000);
});

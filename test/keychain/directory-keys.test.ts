// The search directory's keys in a real keychain (gnome-keyring in the private D-Bus session of
// keyring-session.ts): made once, found again by the next process, and what was sealed with them stays readable.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DirectoryService, vaultKeySource } from '../../main/core/directory/index.ts';
import { directoryAccount } from '../../main/core/directory/keys.ts';
import { KeytarVault } from '../../main/core/vault/index.ts';
import { tempDir } from '../support/temp-dir.ts';

const vault = new KeytarVault({ development: true });
const installId = randomBytes(16).toString('hex');

afterAll(async () => {
  await vault.clear(directoryAccount(installId));
});

function service(dataDir: string): DirectoryService {
  return new DirectoryService({
    dataDir,
    keys: vaultKeySource(vault, installId),
    policy: () => ({ enabled: true, retentionDays: 30 }),
    report: (error) => {
      throw error;
    },
  });
}

describe('the directory keys in the OS keychain', () => {
  it('are made once and read again by the next process of the data folder', async () => {
    const first = await vaultKeySource(vault, installId)();
    expect(first.persistent).toBe(true);
    expect(first.keys.seal).toHaveLength(32);
    expect(first.keys.seal.equals(first.keys.index)).toBe(false);
    const again = await vaultKeySource(vault, installId)();
    expect(again.keys.seal.equals(first.keys.seal) && again.keys.index.equals(first.keys.index)).toBe(true);
  });

  it('keep a directory readable across a restart', async () => {
    const dir = tempDir();
    const before = service(dir);
    const done = { kind: 'done' as const, key: 'k', result: { client_id: 'c-7' } };
    await before.settled('sandbox', 'client.create', { client: { last_name: 'Bekova', phone: 77010001122 } }, done);
    before.close();
    const after = service(dir);
    expect((await after.search('sandbox', 'bekova', null, 20)).entries.map((e) => e.id)).toEqual(['c-7']);
    after.close();
  });
});

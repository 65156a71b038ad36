// The journal chain's key in a real keychain (gnome-keyring in the private D-Bus session of keyring-session.ts):
// made once by a writer, read again by `card-desk audit verify` in its own process, which then does not count
// a chain remade without it as verified.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { sealOf, type Link } from '../../main/core/journal/chain.ts';
import { chainAccount, loadChainKey } from '../../main/core/journal/chain-key.ts';
import { Journal, JOURNAL_FILE } from '../../main/core/journal/index.ts';
import { KeytarVault, readInstallId } from '../../main/core/vault/index.ts';
import { intent } from '../support/journal-records.ts';
import { runCli } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const vault = new KeytarVault({ development: true });
const dir = tempDir();
const installId = readInstallId(dir);

afterAll(async () => {
  await vault.clear(chainAccount(installId));
});

describe('the journal chain key in the OS keychain', () => {
  it('is made once, and the CLI verifies with it and does not count links remade without it', async () => {
    const key = await loadChainKey(vault, installId, true);
    expect(key).toHaveLength(32);
    expect((await loadChainKey(vault, installId, false))?.equals(key ?? Buffer.alloc(0))).toBe(true);
    const journal = Journal.open(dir, key === undefined ? {} : { chainKey: key });
    journal.recordIntent(intent('op-1', 1000));
    journal.recordAudit({ key: 'a-1', at: 1001, action: 'settings.update', details: { language: 'en' } });
    journal.close();
    const whole = await runCli(['audit', 'verify', '--data-dir', dir]);
    expect(whole.stdout).toMatch(/whole: 2 record/);
    expect(whole.code).toBe(0);

    const db = new DatabaseSync(join(dir, JOURNAL_FILE));
    let prev = '';
    for (const link of db.prepare('SELECT * FROM chain ORDER BY seq').all() as unknown as Link[]) {
      const mac = sealOf(undefined, prev, { ...link, keyed: 0 });
      db.prepare('UPDATE chain SET keyed = 0, mac = ? WHERE seq = ?').run(mac, link.seq);
      prev = mac;
    }
    db.close();
    // Remade without the key, the links are no longer verified: named up to the end, exit 6, never "whole".
    const remade = await runCli(['audit', 'verify', '--data-dir', dir]);
    expect(remade.code).toBe(6);
    expect(remade.stdout).toMatch(/links 1-2 of 2 record\(s\) were sealed while the keychain could not give/);
  });
});

// Attacks on the settings file shared by every process of one data folder (the app, the preview, the CLI): a
// process that writes its cached copy back erases what another process saved in between, e.g. a profile the CLI
// imported, or a preview's stale view of which profile ids exist (docs/architecture.md, folders "settings").
import { spawn } from 'node:child_process';
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SETTINGS_FILE, SettingsStore } from '../../../main/core/settings/store.ts';
import { attack } from '../../support/attack.ts';
import { tempDir } from '../../support/temp-dir.ts';

const CHILD = fileURLToPath(new URL('./settings-writer-child.ts', import.meta.url));

const profile = (id: string) => ({
  id,
  name: id,
  region: 'sandbox' as const,
  environment: 'sandbox' as const,
  baseUrl: 'http://127.0.0.1:9',
  merchantId: 1,
  scheme: 'sha256-body' as const,
  allowedOperations: ['clients' as const],
});

function runChild(args: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', resolve);
  });
}

describe('attacks on the shared settings file', () => {
  it('two stores on one data folder changing different settings both keep their changes', async () => {
    await attack('settings: a second store writes its stale copy over the first one’s change', () => {
      const dir = tempDir();
      const app = SettingsStore.open(dir);
      const cli = SettingsStore.open(dir);
      cli.update((doc) => ({ ...doc, profiles: [...doc.profiles, profile('from-cli')] }));
      app.update((doc) => ({ ...doc, preferences: { ...doc.preferences, language: 'kk' } }));
      const after = SettingsStore.open(dir).document;
      expect(after.profiles.map((p) => p.id)).toEqual(['from-cli']);
      expect(after.preferences).toEqual({ language: 'kk' });
      // A process that only reads sees what the other saved, not the copy it opened with.
      expect(app.document.profiles.map((p) => p.id)).toEqual(['from-cli']);
    });
  });

  it('two processes adding profiles at the same time both keep every one', async () => {
    await attack('settings: two processes change the file at once and one loses its changes', async () => {
      const dir = tempDir();
      SettingsStore.open(dir).update((doc) => doc);
      const codes = await Promise.all([runChild([dir, 'one', '25']), runChild([dir, 'two', '25'])]);
      expect(codes).toEqual([0, 0]);
      const ids = SettingsStore.open(dir).document.profiles.map((p) => p.id);
      expect(ids).toHaveLength(50);
      expect(new Set(ids).size).toBe(50);
    });
  }, 30_000);

  it('a lock left by a process that died does not stop the next change', () => {
    const dir = tempDir();
    const store = SettingsStore.open(dir);
    const lock = join(dir, `${SETTINGS_FILE}.lock`);
    writeFileSync(lock, '999999');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    store.update((doc) => ({ ...doc, preferences: { language: 'ru' } }));
    expect(SettingsStore.open(dir).document.preferences).toEqual({ language: 'ru' });
  });
});

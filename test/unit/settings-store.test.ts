import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embeddedProfile } from '../../main/core/settings/embedded.ts';
import { SETTINGS_FILE, SettingsStore } from '../../main/core/settings/store.ts';
import { tempDir } from '../support/temp-dir.ts';

const kg = {
  id: 'kg-bishkek',
  name: 'Bishkek branch',
  region: 'KG' as const,
  environment: 'production' as const,
  baseUrl: 'https://api.freedompay.kg',
  merchantId: 12345,
  scheme: 'sha256-body' as const,
  allowedOperations: ['clients' as const, 'cards' as const],
};

describe('settings store', () => {
  it('starts empty, keeps what is written, and writes the file for its owner only', () => {
    const dir = tempDir();
    const store = SettingsStore.open(dir);
    expect(store.problem).toBeUndefined();
    expect(store.document).toEqual({ profiles: [], preferences: {} });
    store.update((doc) => ({ ...doc, profiles: [embeddedProfile(), kg], preferences: { language: 'kk' } }));
    const again = SettingsStore.open(dir);
    expect(again.document.profiles.map((p) => p.id)).toEqual(['sandbox', 'kg-bishkek']);
    expect(again.document.preferences).toEqual({ language: 'kk' });
    expect(statSync(join(dir, SETTINGS_FILE)).mode & 0o777).toBe(0o600);
  });

  it('refuses an invalid change naming the field, and leaves the file as it was', () => {
    const dir = tempDir();
    const store = SettingsStore.open(dir);
    store.update((doc) => ({ ...doc, profiles: [kg] }));
    const before = readFileSync(join(dir, SETTINGS_FILE), 'utf8');
    expect(() =>
      store.update((doc) => ({ ...doc, profiles: [{ ...kg, baseUrl: 'http://api.freedompay.kg' }] })),
    ).toThrow(/profiles\.0\.baseUrl: base URL must use https:/);
    expect(() => store.update((doc) => ({ ...doc, profiles: [kg, kg] }))).toThrow(/each profile id once/);
    expect(() => store.update((doc) => ({ ...doc, preferences: { idleLockMinutes: 30 } }))).toThrow(
      /preferences\.idleLockMinutes/,
    );
    expect(readFileSync(join(dir, SETTINGS_FILE), 'utf8')).toBe(before);
    expect(store.document.profiles).toEqual([kg]);
  });

  it.each([
    ['not JSON', '{"profiles": [', /unreadable settings/],
    [
      'a schema violation',
      JSON.stringify({ profiles: [{ id: 'Bad Id' }], preferences: {} }),
      /invalid settings: profiles\.0/,
    ],
  ])('keeps a damaged file (%s) aside and reports it, never silently resetting', (_what, content, reason) => {
    const dir = tempDir();
    writeFileSync(join(dir, SETTINGS_FILE), content);
    const store = SettingsStore.open(dir, () => Date.parse('2026-11-23T10:00:00Z'));
    expect(store.problem?.code).toBe('settings_corrupt');
    expect(store.problem?.message).toMatch(reason);
    const kept = store.problem?.keptAt ?? '';
    expect(kept).toBe(join(dir, `${SETTINGS_FILE}.corrupt-2026-11-23T10-00-00-000Z`));
    expect(readFileSync(kept, 'utf8')).toBe(content);
    expect(store.document).toEqual({ profiles: [], preferences: {} });
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toHaveLength(1);
  });

  it('migrates a store written before versioning', () => {
    const dir = tempDir();
    writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify({ profiles: [kg] }));
    const store = SettingsStore.open(dir);
    expect(store.problem).toBeUndefined();
    expect(store.document).toEqual({ profiles: [kg], preferences: {} });
    expect(existsSync(join(dir, SETTINGS_FILE))).toBe(true);
  });
});

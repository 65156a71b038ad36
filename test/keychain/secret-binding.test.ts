// Secrets bound to their profile and data folder, in a real gnome-keyring (keyring-session.ts): a preview desk
// composed as the preview composes it (openDesk with sandbox secrets only) on another data folder, with a
// look-alike "sandbox" profile under the production profile's id, cannot sign with, overwrite or delete the
// production secret (docs/card-api.md, sensitive data).
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../common/settings/schema.ts';
import { isDevelopmentBuild, openDesk } from '../../main/cli/desk-context.ts';
import type { Desk } from '../../main/core/desk.ts';
import { readInstallId, vaultServiceName, type KeytarApi } from '../../main/core/vault/index.ts';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/index.ts';
import { tempDir } from '../support/temp-dir.ts';

const keytar = createRequire(import.meta.url)('keytar') as KeytarApi;
const SERVICE = vaultServiceName(isDevelopmentBuild());
const SECRET = `prod-${randomBytes(8).toString('hex')}`;
const ID = `kg-${randomBytes(4).toString('hex')}`;
const MERCHANT = 4242;

const desks: Desk[] = [];
const banks: RunningSandbox[] = [];
afterAll(async () => {
  for (const desk of desks) {
    await desk.removeProfile(ID).catch(() => undefined);
    await desk.close();
  }
  for (const bank of banks) await bank.close();
});

async function bank(): Promise<string> {
  const running = await startSandbox({ merchants: [{ id: MERCHANT, secret: SECRET }] });
  banks.push(running);
  return running.url;
}

const profile = (baseUrl: string, environment: 'production' | 'sandbox'): Omit<Profile, 'embedded'> => ({
  id: ID,
  name: 'Bishkek',
  region: environment === 'sandbox' ? 'sandbox' : 'KG',
  environment,
  baseUrl,
  merchantId: MERCHANT,
  scheme: 'sha256-body',
  allowedOperations: ['gift'],
});

async function signed(desk: Desk): Promise<string> {
  try {
    return (await desk.call(ID, 'gift.products', {})).kind;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe('secrets in the real keychain are bound to their data folder and profile', () => {
  it('a preview on another data folder cannot sign with, overwrite or delete the production secret', async () => {
    const appDir = tempDir();
    const app = openDesk(appDir, { deadlineMs: 2_000 });
    desks.push(app);
    app.saveProfile(profile(await bank(), 'production'));
    await app.setSecret(ID, Buffer.from(SECRET));
    expect(await signed(app)).toBe('done');

    // Stored under the folder's install id, with a record of the profile and not the secret beside it.
    const account = `${readInstallId(appDir)}.${ID}`;
    expect(await keytar.getPassword(SERVICE, ID)).toBeNull();
    expect(await keytar.getPassword(SERVICE, account)).toBe(SECRET);
    const record = (await keytar.getPassword(SERVICE, `${account}#binding`)) ?? '';
    expect(JSON.parse(record)).toMatchObject({ environment: 'production', merchantId: MERCHANT });
    expect(record).not.toContain(SECRET);

    const preview = openDesk(tempDir(), { deadlineMs: 2_000 }, { sandboxSecretsOnly: true });
    desks.push(preview);
    preview.saveProfile(profile(await bank(), 'sandbox'));
    expect(await signed(preview)).toBe('secret_missing');
    await preview.setSecret(ID, Buffer.from('attacker-chosen'));
    await preview.clearSecret(ID);
    await preview.removeProfile(ID);
    expect(await signed(app)).toBe('done');
    expect(await keytar.getPassword(SERVICE, account)).toBe(SECRET);
  });
});

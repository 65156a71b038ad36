// Attacks on the keychain from another environment: one OS keychain serves every data folder and every process,
// so a browser preview (sandbox profiles only) that saves a "sandbox" profile under a production profile's id with
// a loopback URL of its own would, if entries were keyed by profile id alone, sign with the production secret,
// overwrite it or delete it. And a production profile pointed at another server must not take its secret along
// (docs/card-api.md, sensitive data). The in-memory vault stands in for the keychain: the binding is the same.
import { afterAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../../common/settings/schema.ts';
import type { Desk } from '../../../main/core/desk.ts';
import { MemoryVault } from '../../../main/core/vault/index.ts';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index.ts';
import { attack } from '../../support/attack.ts';
import { openTestDesk } from '../../support/test-desk.ts';
import { tempDir } from '../../support/temp-dir.ts';

const PROD_SECRET = 'production-merchant-secret-0001';
const MERCHANT = 12345;

const production = (baseUrl: string): Omit<Profile, 'embedded'> => ({
  id: 'kg-bishkek',
  name: 'Bishkek branch',
  region: 'KG',
  environment: 'production',
  baseUrl,
  merchantId: MERCHANT,
  scheme: 'sha256-body',
  allowedOperations: ['clients', 'cards', 'gift'],
});

/** The preview's look-alike: the production id, environment sandbox, the attacker's loopback server. */
const lookAlike = (baseUrl: string): Omit<Profile, 'embedded'> => ({
  ...production(baseUrl),
  region: 'sandbox',
  environment: 'sandbox',
});

const desks: Desk[] = [];
const banks: RunningSandbox[] = [];
afterAll(async () => {
  for (const desk of desks) await desk.close();
  for (const bank of banks) await bank.close();
});

/** A loopback Card API that accepts only signatures made with the production secret. */
async function bankKnowing(secret: string): Promise<string> {
  const bank = await startSandbox({ merchants: [{ id: MERCHANT, secret }] });
  banks.push(bank);
  return bank.url;
}

function open(vault: MemoryVault, dataDir: string, preview = false): Desk {
  const desk = openTestDesk({ vault, dataDir, ...(preview ? { sandboxSecretsOnly: true } : {}) });
  desks.push(desk);
  return desk;
}

/** 'done' when the request was signed with a secret the bank accepts, else what refused it. */
async function signed(desk: Desk): Promise<string> {
  try {
    const outcome = await desk.call('kg-bishkek', 'gift.products', {});
    return outcome.kind === 'done' ? 'done' : `${outcome.kind}:${JSON.stringify(outcome).slice(0, 120)}`;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

async function productionDesk(vault: MemoryVault, dataDir: string) {
  const desk = open(vault, dataDir);
  desk.saveProfile(production(await bankKnowing(PROD_SECRET)));
  await desk.setSecret('kg-bishkek', Buffer.from(PROD_SECRET));
  expect(await signed(desk)).toBe('done');
  return desk;
}

describe('attacks on secrets across environments', () => {
  it('a preview on another data folder cannot sign with, overwrite or delete the production secret', async () => {
    await attack('vault: a preview on another data folder reaches a production secret by its profile id', async () => {
      const keychain = new MemoryVault();
      const app = await productionDesk(keychain, tempDir());
      const preview = open(keychain, tempDir(), true);
      preview.saveProfile(lookAlike(await bankKnowing(PROD_SECRET)));

      expect(await signed(preview)).toBe('secret_missing');
      expect((await preview.profile('kg-bishkek')).secret).toBe('absent');

      await preview.setSecret('kg-bishkek', Buffer.from('attacker-chosen-secret'));
      expect(await signed(app)).toBe('done');
      await preview.clearSecret('kg-bishkek');
      await preview.removeProfile('kg-bishkek');
      expect(await signed(app)).toBe('done');
    });
  });

  it('a preview on the same data folder cannot reach the production secret through a look-alike profile', async () => {
    await attack('vault: a preview on the same data folder reaches a production secret by its profile id', async () => {
      const keychain = new MemoryVault();
      const dataDir = tempDir();
      const app = await productionDesk(keychain, dataDir);
      const productionUrl = (await app.profile('kg-bishkek')).baseUrl;
      const preview = open(keychain, dataDir, true);
      // Saved past the preview's guard (as a stale view of the profiles once allowed): the vault still refuses.
      preview.saveProfile(lookAlike(await bankKnowing(PROD_SECRET)));
      expect(await signed(preview)).toBe('secret_foreign');
      await expect(preview.setSecret('kg-bishkek', Buffer.from('attacker-chosen-secret'))).rejects.toMatchObject({
        code: 'secret_foreign',
      });
      await expect(preview.clearSecret('kg-bishkek')).rejects.toMatchObject({ code: 'secret_foreign' });
      await expect(preview.removeProfile('kg-bishkek')).rejects.toMatchObject({ code: 'secret_foreign' });
      // The look-alike replaced the settings entry; put back as it was, the production profile signs as before.
      app.saveProfile(production(productionUrl));
      expect(await signed(app)).toBe('done');
    });
  });

  it('a profile whose base URL changed after its secret was stored cannot sign with it', async () => {
    await attack('vault: a profile pointed at another server signs with the secret set for the first', async () => {
      const keychain = new MemoryVault();
      const app = await productionDesk(keychain, tempDir());
      app.saveProfile(production(await bankKnowing(PROD_SECRET)));
      expect(await signed(app)).toBe('secret_unbound');
      expect((await app.profile('kg-bishkek')).secret).toBe('absent');
      // Set again for the new URL, it signs.
      await app.setSecret('kg-bishkek', Buffer.from(PROD_SECRET));
      expect(await signed(app)).toBe('done');
    });
  });
});

// The operator's own provisioning file, sent through the contract (Settings → Profiles → Import, or straight at
// the bridge): it may add or update profiles within the locks in force, never replace the administrator's policy,
// its locks or the kiosk-exit PIN hash, nor repoint a provisioned profile (docs/provisioning.md).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/core/services/index.ts';
import { hashPin } from '../../../main/core/session/pin-hash.ts';
import { attack } from '../../support/attack.ts';
import { openTestDesk, TEST_APP_INFO } from '../../support/test-desk.ts';
import { approval, signInAdmin } from '../../support/sign-in.ts';

let services: Services;

beforeEach(async () => {
  services = createServices({
    desk: openTestDesk({ deadlineMs: 2_000 }),
    appInfo: TEST_APP_INFO,
    report: (error) => {
      throw error;
    },
  });
  await signInAdmin(services);
});
afterEach(async () => {
  await services.close();
});

const BRANCH = {
  id: 'kz-branch',
  name: 'Almaty branch',
  region: 'KZ',
  environment: 'production',
  baseUrl: 'https://api.bank.example.kz',
  merchantId: 4100,
  scheme: 'jws-hs512',
  allowedOperations: ['clients', 'cards'],
} as const;

/** The administrator's file, imported with the CLI's path: a locked policy, a cap, a kiosk PIN and a profile. */
async function provisionAsAdministrator(): Promise<void> {
  const file = join(services.desk.dataDir, 'admin.json');
  const policy = {
    locked: ['kiosk', 'idleLockMinutes', 'language', 'allowedOperations'],
    kiosk: true,
    idleLockMinutes: 2,
    language: 'kk',
    allowedOperations: ['clients', 'cards'],
    kioskExitPinHash: await hashPin('80706050'),
  };
  writeFileSync(file, JSON.stringify({ version: 1, profiles: [BRANCH], policy }));
  services.desk.importProvisioning(file);
}

async function state(): Promise<string> {
  const { desk } = services;
  return JSON.stringify({ settings: desk.settings(), kiosk: desk.kioskExitPinHash(), profiles: await desk.profiles() });
}

describe('attack: the operator imports a provisioning file through the contract', () => {
  it('carrying a policy of its own: refused, nothing changes', async () => {
    await attack('operator import replaces the provisioned policy', async () => {
      await provisionAsAdministrator();
      const before = await state();
      const policy = {
        locked: [],
        kiosk: false,
        idleLockMinutes: 15,
        language: 'en',
        allowedOperations: ['clients', 'cards', 'cards.secret', 'gift', 'bulk'],
        kioskExitPinHash: await hashPin('11112222'),
      };
      const content = JSON.stringify({ version: 1, policy });
      const reply = await services.dispatch('profiles.import', { fileName: 'mine.json', content });
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'provisioning_policy_refused', details: { field: 'policy' } },
      });
      expect(await state()).toBe(before);
      expect(services.desk.settings()).toMatchObject({ values: { kiosk: true, language: 'kk', idleLockMinutes: 2 } });
    });
  });

  it('repointing a provisioned profile: refused, the profile unchanged', async () => {
    await attack('operator import repoints a provisioned profile', async () => {
      await provisionAsAdministrator();
      const before = await state();
      const content = JSON.stringify({
        version: 1,
        profiles: [{ ...BRANCH, baseUrl: 'https://capture.example.net', merchantId: 4101 }],
      });
      const reply = await services.dispatch('profiles.import', { fileName: 'mine.json', content });
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'profile_locked', details: { fields: ['baseUrl', 'merchantId'], lockedBy: 'provisioned' } },
      });
      expect(await state()).toBe(before);
    });
  });

  it('with profiles only and no locks broken: imported', async () => {
    const content = JSON.stringify({ version: 1, profiles: [{ ...BRANCH, id: 'kz-own', environment: 'test' }] });
    const reply = await services.dispatch('profiles.import', { fileName: 'mine.json', content });
    expect(reply).toMatchObject({ ok: true, value: { added: ['kz-own'] } });
    const own = await services.desk.profile('kz-own');
    expect(own.provisionedBy).toBeUndefined();
  });
});

describe('attack: the operator saves a provisioned profile with a new server or merchant', () => {
  it('is refused naming the locked fields, and the stored profile is unchanged', async () => {
    await attack('profiles.save repoints a provisioned profile', async () => {
      await provisionAsAdministrator();
      const before = await services.desk.profile(BRANCH.id);
      expect(before.provisionedBy).toBe('provisioned');
      const profile = { ...BRANCH, baseUrl: 'https://capture.example.net', merchantId: 4101 };
      const reply = await services.dispatch('profiles.save', { profile, approval: await approval(services) });
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'profile_locked', details: { profileId: BRANCH.id, fields: ['baseUrl', 'merchantId'] } },
      });
      const region = await services.dispatch('profiles.save', {
        profile: { ...BRANCH, region: 'KG' },
        approval: await approval(services),
      });
      expect(region).toMatchObject({ ok: false, error: { code: 'profile_locked', details: { fields: ['region'] } } });
      expect(await services.desk.profile(BRANCH.id)).toEqual(before);
    });
  });

  it('may still rename it, and it stays provisioned', async () => {
    await provisionAsAdministrator();
    const reply = await services.dispatch('profiles.save', {
      profile: { ...BRANCH, name: 'Almaty, Abay Ave' },
      approval: await approval(services),
    });
    expect(reply).toMatchObject({ ok: true, value: { name: 'Almaty, Abay Ave', provisionedBy: 'provisioned' } });
  });
});

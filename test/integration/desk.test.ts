// The operator services (core/desk.ts) against real sandboxes, with the in-memory vault.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Profile } from '../../common/settings/schema.ts';
import type { SecretSource } from '../../main/core/card-api/signing.ts';
import { Desk, type DeskOptions } from '../../main/core/desk.ts';
import { MemoryVault, VaultUnavailableError, type SecretVault } from '../../main/core/vault/index.ts';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/index.ts';
import { doneResult } from '../support/client-harness.ts';
import { openTestDesk } from '../support/test-desk.ts';
import { tempDir } from '../support/temp-dir.ts';

const BRANCH = { id: 12345, secret: 'branch-secret-31f' };
let bank: RunningSandbox;
const desks: Desk[] = [];

beforeAll(async () => {
  bank = await startSandbox({ merchants: [BRANCH], asyncMs: 5 });
});
afterAll(async () => {
  for (const desk of desks) await desk.close();
  await bank.close();
});

function open(overrides: Partial<DeskOptions> = {}): Desk {
  const desk = openTestDesk(overrides);
  desks.push(desk);
  return desk;
}

function provisioningFile(dir: string, profile: Record<string, unknown>, policy?: Record<string, unknown>): string {
  const file = join(dir, 'kiosk.json');
  writeFileSync(file, JSON.stringify({ version: 1, profiles: [profile], ...(policy ? { policy } : {}) }, null, 2));
  return file;
}

const branchProfile = (overrides: Record<string, unknown> = {}) => ({
  id: 'kz-almaty',
  name: 'Almaty branch',
  region: 'KZ',
  environment: 'test',
  baseUrl: bank.url,
  merchantId: BRANCH.id,
  allowedOperations: ['clients', 'cards'],
  ...overrides,
});

describe('embedded default', () => {
  it('exists on first run, is active, and issues a card with no credentials', async () => {
    const desk = open();
    const [sandbox] = await desk.profiles();
    expect(sandbox).toMatchObject({
      id: 'sandbox',
      name: 'Sandbox',
      environment: 'sandbox',
      embedded: true,
      secret: 'present',
      secretStore: 'memory',
    });
    const created = await desk.call('sandbox', 'client.create', {
      product_id: 2000,
      client: { phone: 77011234567, type: 1, resident: 1, first_name: 'Dana', last_name: 'Sadykova' },
    });
    const clientId = doneResult(created).client_id as string;
    const issued = await desk.call('sandbox', 'card.issue', { client_id: clientId });
    expect(issued.kind).toBe('done');
    expect(desk.journal.get(issued.key)?.connection.profileId).toBe('sandbox');
    expect(await desk.testConnection('sandbox')).toEqual({ result: 'signature_accepted' });
  });

  it('cannot be removed or given a secret', async () => {
    const desk = open();
    await expect(desk.removeProfile('sandbox')).rejects.toMatchObject({ code: 'profile_builtin' });
    await expect(desk.setSecret('sandbox', Buffer.from('x'))).rejects.toMatchObject({ code: 'profile_builtin' });
  });

  it('keeps working with the secret in memory, clearly labelled, when the keychain is unavailable', async () => {
    const broken: SecretVault = {
      kind: 'keychain',
      set: () => Promise.reject(new VaultUnavailableError('no Secret Service')),
      status: () => Promise.resolve('unavailable'),
      use: (): SecretSource => ({ withSecret: () => Promise.reject(new VaultUnavailableError('no Secret Service')) }),
      clear: () => Promise.reject(new VaultUnavailableError('no Secret Service')),
    };
    const desk = open({ vault: broken });
    // Labelled before the sandbox first starts, too.
    expect(await desk.profile('sandbox')).toMatchObject({ secret: 'present', secretStore: 'memory' });
    const outcome = await desk.call('sandbox', 'card.issueBulk', { product_id: 2000, quantity: 1 });
    expect(outcome.kind).toBe('done');
    expect(desk.problems.join('\n')).toMatch(/keychain is unavailable: the Sandbox secret is kept in memory only/);
    expect((await desk.profile('sandbox')).secretStore).toBe('memory');
    // Profiles that need a secret say so; nothing crashes.
    desk.importProvisioning(provisioningFile(desk.dataDir, branchProfile()));
    expect((await desk.profile('kz-almaty')).secret).toBe('unavailable');
  });
});

describe('provisioned profile and its secret', () => {
  it('imports, stores the secret write-only, and tests the connection', async () => {
    const desk = open();
    const report = desk.importProvisioning(provisioningFile(desk.dataDir, branchProfile()));
    expect(report.added).toEqual(['kz-almaty']);
    const profile = await desk.profile('kz-almaty');
    expect(profile).toMatchObject({ scheme: 'jws-hs512', secret: 'absent', pinKey: 'absent' });
    await expect(desk.testConnection('kz-almaty')).rejects.toMatchObject({ code: 'secret_missing' });

    await desk.setSecret('kz-almaty', Buffer.from('not-the-secret'));
    expect(await desk.testConnection('kz-almaty')).toMatchObject({ result: 'invalid_signature' });
    await desk.setSecret('kz-almaty', Buffer.from(BRANCH.secret));
    expect((await desk.profile('kz-almaty')).secret).toBe('present');
    expect(await desk.testConnection('kz-almaty')).toEqual({ result: 'signature_accepted' });
    expect(JSON.stringify(await desk.profiles())).not.toContain(BRANCH.secret);

    await desk.clearSecret('kz-almaty');
    expect((await desk.profile('kz-almaty')).secret).toBe('absent');
  });

  it('tells an unknown merchant and an unreachable server apart', async () => {
    const desk = open();
    desk.importProvisioning(provisioningFile(desk.dataDir, branchProfile({ merchantId: 999 })));
    await desk.setSecret('kz-almaty', Buffer.from(BRANCH.secret));
    expect(await desk.testConnection('kz-almaty')).toMatchObject({ result: 'unknown_merchant' });
    const other = open();
    other.importProvisioning(provisioningFile(other.dataDir, branchProfile({ baseUrl: 'http://127.0.0.1:9' })));
    await other.setSecret('kz-almaty', Buffer.from(BRANCH.secret));
    expect(await other.testConnection('kz-almaty')).toMatchObject({ result: 'unreachable' });
  });

  it('refuses a bad provisioning file and changes nothing', async () => {
    const desk = open();
    const before = await desk.profiles();
    const file = provisioningFile(desk.dataDir, branchProfile({ baseUrl: 'http://api.freedompay.kz' }));
    expect(() => desk.importProvisioning(file)).toThrow(/baseUrl/);
    expect(await desk.profiles()).toEqual(before);
  });

  it('removes a profile together with its secret', async () => {
    const vault = new MemoryVault();
    const desk = open({ vault });
    desk.importProvisioning(provisioningFile(desk.dataDir, branchProfile()));
    await desk.setSecret('kz-almaty', Buffer.from(BRANCH.secret));
    await desk.removeProfile('kz-almaty');
    expect(await vault.status('kz-almaty', 'merchant-secret')).toBe('absent');
    await expect(desk.profile('kz-almaty')).rejects.toMatchObject({ code: 'profile_not_found' });
  });
});

describe('allowed operations and policy', () => {
  it('refuses operation groups the profile or the policy does not allow, before anything is sent', async () => {
    const desk = open();
    desk.importProvisioning(
      provisioningFile(desk.dataDir, branchProfile(), {
        locked: ['allowedOperations'],
        allowedOperations: ['clients'],
      }),
    );
    await desk.setSecret('kz-almaty', Buffer.from(BRANCH.secret));
    const requests = bank.stats().requests;
    await expect(desk.call('kz-almaty', 'gift.products', {})).rejects.toMatchObject({ code: 'operation_not_allowed' });
    await expect(desk.call('kz-almaty', 'card.info', { card_id: 'c1' })).rejects.toMatchObject({
      code: 'operation_not_allowed',
    });
    expect(bank.stats().requests).toBe(requests);
    expect((await desk.profile('kz-almaty')).effectiveOperations).toEqual(['clients']);
    // Request status is always allowed.
    expect((await desk.call('kz-almaty', 'request.status', { request_id: 'nope' })).kind).toBe('failed');
  });

  it('lets the managed policy win over the provisioned policy and the operator', () => {
    const dir = tempDir();
    const managed = join(dir, 'policy.json');
    writeFileSync(
      managed,
      JSON.stringify({
        version: 1,
        policy: { locked: ['language', 'idleLockMinutes'], language: 'kk', idleLockMinutes: 3 },
      }),
    );
    const desk = open({ managedPolicyFile: managed });
    desk.importProvisioning(
      provisioningFile(desk.dataDir, branchProfile(), { locked: ['language', 'kiosk'], language: 'en', kiosk: true }),
    );
    const settings = desk.settings();
    expect(settings.values).toMatchObject({ language: 'kk', idleLockMinutes: 3, kiosk: true });
    expect(settings.source).toMatchObject({ language: 'managed', idleLockMinutes: 'managed', kiosk: 'provisioned' });
  });

  it('reports a malformed managed policy and starts anyway', () => {
    const dir = tempDir();
    const managed = join(dir, 'policy.json');
    writeFileSync(managed, '{"version": 1, "policy": {"kiosk": "yes"}}');
    const desk = open({ managedPolicyFile: managed });
    expect(desk.problems.join('\n')).toMatch(/managed policy refused: .*kiosk/);
  });
});

describe('one client per profile', () => {
  /** The branch profile as stored (what the operator edits). */
  const almaty = (): Omit<Profile, 'embedded'> =>
    ({ ...branchProfile(), scheme: 'jws-hs512' }) as Omit<Profile, 'embedded'>;
  async function branchDesk(): Promise<Desk> {
    const desk = open();
    desk.importProvisioning(provisioningFile(desk.dataDir, branchProfile()));
    await desk.setSecret('kz-almaty', Buffer.from(BRANCH.secret));
    return desk;
  }

  it('is built anew after every change to what it is built from, and kept otherwise', async () => {
    const desk = await branchDesk();
    let client = await desk.client('kz-almaty');
    const sandbox = await desk.client('sandbox');
    const renewedBy = async (change: () => unknown): Promise<boolean> => {
      await change();
      const next = await desk.client('kz-almaty');
      const renewed = next !== client;
      client = next;
      return renewed;
    };
    expect(await renewedBy(() => desk.profiles())).toBe(false);
    expect(await renewedBy(() => desk.testConnection('kz-almaty'))).toBe(false);
    expect(await renewedBy(() => desk.settings())).toBe(false);
    // A provisioned profile's connection changes only by the administrator's import (docs/provisioning.md).
    expect(
      await renewedBy(() =>
        desk.importProvisioning(provisioningFile(desk.dataDir, branchProfile({ baseUrl: `${bank.url}/` }))),
      ),
    ).toBe(true);
    expect(client.connection.baseUrl).toBe(`${bank.url}/`);
    expect(await renewedBy(() => desk.setSecret('kz-almaty', Buffer.from(BRANCH.secret)))).toBe(true);
    expect(await renewedBy(() => desk.createPinKey('kz-almaty'))).toBe(true);
    expect(await renewedBy(() => desk.clearSecret('kz-almaty'))).toBe(true);
    expect(
      await renewedBy(() => {
        desk.switchProfile('kz-almaty');
      }),
    ).toBe(true);
    expect(
      await renewedBy(() =>
        desk.importProvisioning(provisioningFile(desk.dataDir, branchProfile({ merchantId: 777 }))),
      ),
    ).toBe(true);
    expect(client.connection.merchantId).toBe(777);
    // A change to one profile leaves the others' clients alone.
    expect(await desk.client('sandbox')).toBe(sandbox);
  });

  it('is built once however many ask for it at the same time', async () => {
    const desk = open();
    const [first, second] = await Promise.all([desk.client('sandbox'), desk.client('sandbox')]);
    expect(second).toBe(first);
  });

  it('built anew, still leaves a write this process is delivering to its delivery', async () => {
    const desk = await branchDesk();
    const stored = almaty();
    bank.setFaults({ latency_ms: 300 });
    try {
      const write = desk.call('kz-almaty', 'client.create', {
        product_id: 2000,
        client: { phone: 77015556677, type: 1, resident: 1, first_name: 'Aigul', last_name: 'Nurova' },
      });
      await vi.waitUntil(() => desk.journal.open().length === 1);
      const [entry] = desk.journal.open();
      desk.saveProfile({ ...stored, name: 'Almaty branch (renamed)' });
      const renewed = await desk.client('kz-almaty');
      // Reconciliation through the new client does not race the delivery: it leaves the entry as it is.
      expect(await renewed.reconcile(entry ?? expect.fail('no open entry'))).toBe('sending');
      expect((await write).kind).toBe('done');
    } finally {
      bank.setFaults({});
    }
  });
});

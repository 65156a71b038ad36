import { describe, expect, it } from 'vitest';
import { applyProvisioning } from '../../main/core/settings/apply-provisioning.ts';
import {
  allowedGroupsFor,
  checkOperatorChange,
  PolicyLockedError,
  resolveSettings,
} from '../../main/core/settings/policy.ts';
import type { ResolvedSettings } from '../../main/core/settings/policy.ts';
import { ProvisioningError } from '../../main/core/settings/provisioning.ts';
import { DEFAULT_DUAL_CONTROL } from '../../common/contract/rights.ts';
import { policySchema, type Policy, type Profile } from '../../common/settings/schema.ts';
import { thrownBy } from '../support/thrown.ts';

function policy(p: Partial<Policy>): Policy {
  return { locked: [], ...p };
}

function profile(id: string, extra: Partial<Profile> = {}): Profile {
  return {
    id,
    name: `Branch ${id}`,
    region: 'KG',
    environment: 'production',
    baseUrl: 'https://api.freedompay.kg',
    merchantId: 12345,
    scheme: 'sha256-body',
    allowedOperations: ['clients', 'cards', 'cards.secret', 'gift', 'bulk'],
    ...extra,
  };
}

const SANDBOX: Profile = {
  ...profile('sandbox'),
  name: 'Sandbox',
  region: 'sandbox',
  environment: 'sandbox',
  baseUrl: 'http://127.0.0.1:0',
  embedded: true,
};

const lockedError = (run: () => void): PolicyLockedError => thrownBy(run, PolicyLockedError);

describe('resolveSettings: precedence', () => {
  it('uses the defaults when nobody says anything', () => {
    expect(resolveSettings({ operator: {} })).toEqual({
      values: { idleLockMinutes: 5, kiosk: false, language: 'ru' },
      locked: [],
      source: { idleLockMinutes: 'default', allowedOperations: 'default', kiosk: 'default', language: 'default' },
      lockedBy: {},
      directory: { enabled: true, retentionDays: 180 },
      operators: { roles: {}, dualControl: [...DEFAULT_DUAL_CONTROL], providesOperators: false },
    });
    const r = resolveSettings({ operator: {}, defaults: { language: 'en', kiosk: true } });
    expect(r.values).toMatchObject({ language: 'en', kiosk: true });
  });

  // [case, managed, provisioned, operator value, expected value, expected source]
  const table: [
    string,
    Partial<Policy> | undefined,
    Partial<Policy> | undefined,
    string | undefined,
    string,
    string,
  ][] = [
    ['operator alone', undefined, undefined, 'en', 'en', 'operator'],
    ['locked managed beats operator', { locked: ['language'], language: 'kk' }, undefined, 'en', 'kk', 'managed'],
    [
      'locked provisioned beats operator',
      undefined,
      { locked: ['language'], language: 'uz' },
      'en',
      'uz',
      'provisioned',
    ],
    [
      'locked managed beats locked provisioned',
      { locked: ['language'], language: 'kk' },
      { locked: ['language'], language: 'uz' },
      'en',
      'kk',
      'managed',
    ],
    [
      'locked provisioned beats unlocked managed',
      { language: 'kk' },
      { locked: ['language'], language: 'uz' },
      'en',
      'uz',
      'provisioned',
    ],
    ['operator beats unlocked managed', { language: 'kk' }, { language: 'uz' }, 'en', 'en', 'operator'],
    ['unlocked managed is the default', { language: 'kk' }, { language: 'uz' }, undefined, 'kk', 'managed'],
    ['unlocked provisioned is the default', undefined, { language: 'uz' }, undefined, 'uz', 'provisioned'],
    ['default last', {}, {}, undefined, 'ru', 'default'],
  ];
  it.each(table)('language: %s', (_case, managed, provisioned, operator, value, source) => {
    const r = resolveSettings({
      operator: operator === undefined ? {} : { language: operator as 'en' },
      ...(managed ? { managed: policy(managed) } : {}),
      ...(provisioned ? { provisioned: policy(provisioned) } : {}),
    });
    expect(r.values.language).toBe(value);
    expect(r.source.language).toBe(source);
  });

  it('resolves kiosk the same way, false being a value', () => {
    const locked = resolveSettings({ operator: { kiosk: true }, managed: policy({ locked: ['kiosk'], kiosk: false }) });
    expect([locked.values.kiosk, locked.source.kiosk]).toEqual([false, 'managed']);
    const unlocked = resolveSettings({ operator: { kiosk: false }, provisioned: policy({ kiosk: true }) });
    expect([unlocked.values.kiosk, unlocked.source.kiosk]).toEqual([false, 'operator']);
  });

  it('lists locks and who made them, managed winning', () => {
    const r = resolveSettings({
      operator: {},
      managed: policy({ locked: ['kiosk'], kiosk: true }),
      provisioned: policy({ locked: ['language', 'kiosk'], language: 'en', kiosk: false }),
    });
    expect(r.locked).toEqual(['kiosk', 'language']);
    expect(r.lockedBy).toEqual({ kiosk: 'managed', language: 'provisioned' });
    expect(r.values.kiosk).toBe(true);
  });
});

describe('resolveSettings: the idle lock only goes down', () => {
  it('takes the operator value under no policy, the default when none', () => {
    expect(resolveSettings({ operator: { idleLockMinutes: 12 } }).values.idleLockMinutes).toBe(12);
    expect(resolveSettings({ operator: {} }).values.idleLockMinutes).toBe(5);
  });

  it('treats an unlocked policy value as a ceiling on the operator', () => {
    const r = resolveSettings({ operator: { idleLockMinutes: 12 }, provisioned: policy({ idleLockMinutes: 8 }) });
    expect(r.values.idleLockMinutes).toBe(8);
    expect(r.source.idleLockMinutes).toBe('provisioned');
    const lower = resolveSettings({ operator: { idleLockMinutes: 3 }, provisioned: policy({ idleLockMinutes: 8 }) });
    expect([lower.values.idleLockMinutes, lower.source.idleLockMinutes]).toEqual([3, 'operator']);
  });

  it('lowers the default too, and an unlocked policy does not raise it', () => {
    expect(resolveSettings({ operator: {}, managed: policy({ idleLockMinutes: 2 }) }).values.idleLockMinutes).toBe(2);
    const r = resolveSettings({ operator: {}, managed: policy({ idleLockMinutes: 10 }) });
    expect([r.values.idleLockMinutes, r.source.idleLockMinutes]).toEqual([10, 'managed']);
  });

  it('applies the lowest policy value even over a lock', () => {
    const r = resolveSettings({
      operator: { idleLockMinutes: 1 },
      managed: policy({ locked: ['idleLockMinutes'], idleLockMinutes: 10 }),
      provisioned: policy({ idleLockMinutes: 4 }),
    });
    expect(r.values.idleLockMinutes).toBe(4);
    expect(r.source.idleLockMinutes).toBe('provisioned');
    expect(r.lockedBy.idleLockMinutes).toBe('managed');
  });

  it('never exceeds 15 minutes, whatever the defaults say', () => {
    expect(resolveSettings({ operator: {}, defaults: { idleLockMinutes: 60 } }).values.idleLockMinutes).toBe(15);
  });
});

describe('allowed operation groups', () => {
  it('is the profile groups when no policy caps them', () => {
    const r = resolveSettings({ operator: {} });
    expect(r.values.allowedOperations).toBeUndefined();
    expect(allowedGroupsFor(profile('a', { allowedOperations: ['gift', 'clients'] }), r)).toEqual(['gift', 'clients']);
  });

  it('intersects the profile with the policy cap, and every cap present', () => {
    const r = resolveSettings({
      operator: {},
      managed: policy({ allowedOperations: ['clients', 'cards', 'gift'] }),
      provisioned: policy({ locked: ['allowedOperations'], allowedOperations: ['gift', 'cards', 'bulk'] }),
    });
    expect(r.values.allowedOperations).toEqual(['cards', 'gift']);
    expect(r.source.allowedOperations).toBe('provisioned');
    expect(allowedGroupsFor(profile('a'), r)).toEqual(['cards', 'gift']);
    expect(allowedGroupsFor(profile('b', { allowedOperations: ['clients', 'bulk'] }), r)).toEqual([]);
  });

  it('caps to nothing when the policy allows nothing', () => {
    const r = resolveSettings({ operator: {}, managed: policy({ allowedOperations: [] }) });
    expect(allowedGroupsFor(profile('a'), r)).toEqual([]);
  });
});

describe('checkOperatorChange', () => {
  const resolved: ResolvedSettings = resolveSettings({
    operator: { language: 'en' },
    managed: policy({ locked: ['idleLockMinutes'], idleLockMinutes: 5 }),
    provisioned: policy({
      locked: ['kiosk', 'allowedOperations'],
      kiosk: true,
      allowedOperations: ['clients', 'cards'],
    }),
  });

  it('allows unlocked settings and re-submitting a locked value', () => {
    expect(() => {
      checkOperatorChange(resolved, { language: 'kk' });
    }).not.toThrow();
    expect(() => {
      checkOperatorChange(resolved, { idleLockMinutes: 5, kiosk: true, language: 'ru' });
    }).not.toThrow();
  });

  it('refuses a locked setting, naming it and who locked it', () => {
    const idle = lockedError(() => {
      checkOperatorChange(resolved, { idleLockMinutes: 3 });
    });
    expect(idle.code).toBe('setting_locked');
    expect(idle.message).toBe('idle lock minutes is locked by the managed policy');
    expect([idle.setting, idle.lockedBy]).toEqual(['idleLockMinutes', 'managed']);
    const kiosk = lockedError(() => {
      checkOperatorChange(resolved, { kiosk: false, language: 'kk' });
    });
    expect(kiosk.message).toBe('kiosk mode is locked by the provisioning file');
    expect(kiosk.lockedBy).toBe('provisioned');
  });

  it('names every locked setting being changed', () => {
    const e = lockedError(() => {
      checkOperatorChange(resolved, { idleLockMinutes: 2, kiosk: false });
    });
    expect(e.locks).toEqual([
      { setting: 'idleLockMinutes', lockedBy: 'managed' },
      { setting: 'kiosk', lockedBy: 'provisioned' },
    ]);
    expect(e.message).toBe('idle lock minutes is locked by the managed policy (and 1 more)');
  });

  it("refuses edits of a profile's groups when they are locked", () => {
    const p = profile('a', { allowedOperations: ['clients', 'cards'] });
    const e = lockedError(() => {
      checkOperatorChange(resolved, { allowedOperations: ['clients'] }, p);
    });
    expect(e.message).toBe('the allowed operation groups is locked by the provisioning file');
    expect(() => {
      checkOperatorChange(resolved, { allowedOperations: ['cards', 'clients'] }, p);
    }).not.toThrow();
    expect(() => {
      checkOperatorChange(resolved, { allowedOperations: ['clients', 'cards'] });
    }).toThrow(PolicyLockedError);
    const unlocked = resolveSettings({ operator: {}, provisioned: policy({ allowedOperations: ['clients'] }) });
    expect(() => {
      checkOperatorChange(unlocked, { allowedOperations: ['gift'] }, p);
    }).not.toThrow();
  });
});

describe('applyProvisioning', () => {
  const bishkek = profile('kg-bishkek');
  const osh = profile('kg-osh', { name: 'Osh' });

  it('adds, updates and leaves unchanged by id, keeping order and the embedded profile', () => {
    const current = { profiles: [SANDBOX, bishkek, osh] };
    const incoming = {
      version: 1 as const,
      profiles: [profile('kz-almaty', { region: 'KZ' }), { ...osh, merchantId: 999 }, profile('kg-bishkek')],
    };
    const result = applyProvisioning(current, incoming);
    expect(result.report).toEqual({ added: ['kz-almaty'], updated: ['kg-osh'], unchanged: ['kg-bishkek'] });
    expect(result.profiles.map((p) => p.id)).toEqual(['sandbox', 'kg-bishkek', 'kg-osh', 'kz-almaty']);
    expect(result.profiles[0]).toBe(SANDBOX);
    expect(result.profiles[2]?.merchantId).toBe(999);
    expect(result.provisionedPolicy).toBeUndefined();
    // pure: the inputs are untouched
    expect(current.profiles).toEqual([SANDBOX, bishkek, osh]);
    expect(osh.merchantId).toBe(12345);
  });

  it('keeps profiles the file does not mention, and the policy when the file has none', () => {
    const kept = policy({ locked: ['kiosk'], kiosk: true });
    const result = applyProvisioning({ profiles: [bishkek], provisionedPolicy: kept }, { version: 1, profiles: [] });
    expect(result.profiles).toEqual([bishkek]);
    expect(result.provisionedPolicy).toEqual(kept);
    expect(result.report).toEqual({ added: [], updated: [], unchanged: [] });
  });

  it('replaces the provisioned policy when the file has one', () => {
    const next = policy({ locked: ['language'], language: 'ky' });
    const result = applyProvisioning(
      { profiles: [], provisionedPolicy: policy({ locked: ['kiosk'], kiosk: true }) },
      { version: 1, profiles: [], policy: next },
    );
    expect(result.provisionedPolicy).toEqual(next);
    expect(result.provisionedPolicy).not.toBe(next);
  });

  it('refuses to touch the embedded profile or to take an id twice', () => {
    expect(() =>
      applyProvisioning({ profiles: [SANDBOX] }, { version: 1, profiles: [{ ...profile('sandbox') }] }),
    ).toThrow(ProvisioningError);
    const other = { ...profile('local'), embedded: true };
    expect(() => applyProvisioning({ profiles: [other] }, { version: 1, profiles: [profile('local')] })).toThrow(
      /built-in sandbox/,
    );
    expect(() => applyProvisioning({ profiles: [] }, { version: 1, profiles: [bishkek, bishkek] })).toThrow(
      /duplicate profile id/,
    );
  });
});

describe('resolveSettings: the search directory', () => {
  const policy = (directory: Policy['directory']): Policy => ({ locked: [], directory });
  it('is on by default, off when any policy turns it off, kept the shortest retention any policy sets', () => {
    expect(resolveSettings({ operator: {}, provisioned: policy({ retentionDays: 90 }) }).directory).toEqual({
      enabled: true,
      retentionDays: 90,
    });
    const both = resolveSettings({
      operator: {},
      managed: policy({ enabled: false, retentionDays: 30 }),
      provisioned: policy({ enabled: true, retentionDays: 10 }),
    });
    expect(both.directory).toEqual({ enabled: false, retentionDays: 10 });
    expect(policySchema.safeParse({ directory: { retentionDays: 0 } }).success).toBe(false);
    expect(policySchema.safeParse({ directory: { enabled: 'no' } }).success).toBe(false);
  });
});

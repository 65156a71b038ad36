// applyProvisioning (main/core/settings/apply-provisioning.ts): a provisioning file's profiles and policy merged
// into the settings.
import { describe, expect, it } from 'vitest';
import { applyProvisioning } from '../../main/core/settings/apply-provisioning.ts';
import { ProvisioningError } from '../../main/core/settings/provisioning.ts';
import { policy, profile, SANDBOX } from '../support/policy-fixtures.ts';

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

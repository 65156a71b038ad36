// What a policy leaves the operator (main/core/settings/policy.ts): the operation groups a profile may use, and
// which of the operator's changes a lock refuses.
import { describe, expect, it } from 'vitest';
import {
  allowedGroupsFor,
  checkOperatorChange,
  PolicyLockedError,
  resolveSettings,
} from '../../main/core/settings/policy.ts';
import type { ResolvedSettings } from '../../main/core/settings/policy.ts';
import { lockedError, policy, profile } from '../support/policy-fixtures.ts';

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

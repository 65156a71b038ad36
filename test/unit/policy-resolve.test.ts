// resolveSettings (main/core/settings/policy.ts): which of the defaults, the operator, the provisioned and the
// managed policy wins for each setting, the idle lock's ceiling, and the search directory.
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../main/core/settings/policy.ts';
import { DEFAULT_DUAL_CONTROL } from '../../common/contract/rights.ts';
import { policySchema, type Policy } from '../../common/settings/schema.ts';
import { policy } from '../support/policy-fixtures.ts';

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

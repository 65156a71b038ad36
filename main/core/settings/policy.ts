// Policy precedence: managed policy, provisioned policy, the operator's preferences and defaults.
// Pure functions: reading the files is provisioning.ts and managed-policy.ts, applying a provisioning file is
// apply-provisioning.ts, storing is the profile store.
import type { SettingSource, SettingsView } from '../../../common/contract/index.ts';
import { DeskError } from '../errors.ts';
import { LOCKABLE_SETTINGS, MAX_IDLE_LOCK_MINUTES, OPERATION_GROUPS } from '../../../common/settings/schema.ts';
import type { AllowedGroup, LockableSetting, Policy, Preferences, Profile } from '../../../common/settings/schema.ts';
import { operatorPolicy, type OperatorPolicy } from './operator-policy.ts';
import { firstSyslog, type SyslogPolicy } from '../../../common/settings/syslog.ts';

export type PolicySource = Exclude<SettingSource, 'operator' | 'default'>;

export type SettingDefaults = Omit<SettingsView['values'], 'allowedOperations'>;

export const DEFAULT_SETTINGS: Readonly<SettingDefaults> = { idleLockMinutes: 5, kiosk: false, language: 'ru' };

/**
 * The settings view (values: `allowedOperations` is the cap on every profile's groups, absent when no policy
 * sets one; locked: in LOCKABLE_SETTINGS order; source: where each value came from), and who locked each locked
 * setting (the managed policy when both did).
 */
export interface ResolvedSettings extends SettingsView {
  lockedBy: Partial<Record<LockableSetting, PolicySource>>;
  /** The shortest bulk retention a policy sets, when one does (docs/bulk.md, retention). */
  bulkRetentionDays?: number;
  /** The shortest journal retention a policy sets, when one does (docs/architecture.md, retention and archives). */
  journalArchiveAfterDays?: number;
  /** Superseded: a policy's requireOperatorPin (every first start now asks for an operator). */
  requireOperatorPin?: true;
  /** Provided operator accounts, role matrix changes and dual control (operator-policy.ts). */
  operators: OperatorPolicy;
  /** The search directory: off when any policy turns it off; the shortest retention a policy sets. */
  directory: { enabled: boolean; retentionDays: number };
  /** The syslog server to ship the audit trail to: the managed policy's, else the provisioned one's. */
  syslog?: SyslogPolicy;
}

/** Days a directory row is kept after it was last touched, when no policy sets it. */
export const DEFAULT_DIRECTORY_RETENTION_DAYS = 180;

export interface ResolveInput {
  operator: Preferences;
  provisioned?: Policy;
  managed?: Policy;
  defaults?: Partial<SettingDefaults>;
}

interface Candidate<T> {
  value: T | undefined;
  source: SettingSource;
}

/**
 * Per setting, the first that has a value: locked by the managed policy, locked by the provisioned policy, the
 * operator's own value, the managed value, the provisioned value, the default. Two settings only ever restrict:
 * idleLockMinutes is then capped by every policy value present (locked or not; a policy may only lower it, never
 * above 15), and allowedOperations is the intersection of every policy cap present.
 */
export function resolveSettings(input: ResolveInput): ResolvedSettings {
  const { operator, provisioned, managed } = input;
  const defaults: SettingDefaults = { ...DEFAULT_SETTINGS, ...input.defaults };
  const lockedBy: Partial<Record<LockableSetting, PolicySource>> = {};
  for (const key of LOCKABLE_SETTINGS) {
    if (managed?.locked.includes(key) === true) lockedBy[key] = 'managed';
    else if (provisioned?.locked.includes(key) === true) lockedBy[key] = 'provisioned';
  }

  function ordered<K extends LockableSetting>(key: K, own: Policy[K] | undefined): Candidate<Policy[K]> | undefined {
    const list: Candidate<Policy[K]>[] = [];
    if (managed?.locked.includes(key) === true) list.push({ value: managed[key], source: 'managed' });
    if (provisioned?.locked.includes(key) === true) list.push({ value: provisioned[key], source: 'provisioned' });
    list.push({ value: own, source: 'operator' });
    list.push({ value: managed?.[key], source: 'managed' });
    list.push({ value: provisioned?.[key], source: 'provisioned' });
    return list.find((c) => c.value !== undefined);
  }

  const kiosk = ordered('kiosk', operator.kiosk);
  const language = ordered('language', operator.language);

  // idleLockMinutes: the ordered value (or the default), then the lowest policy value is a ceiling.
  const idleBase = ordered('idleLockMinutes', operator.idleLockMinutes);
  let idle: { value: number; source: SettingSource } = {
    value: idleBase?.value ?? defaults.idleLockMinutes,
    source: idleBase?.source ?? 'default',
  };
  for (const [policy, source] of [
    [managed, 'managed'],
    [provisioned, 'provisioned'],
  ] as const) {
    const ceiling = policy?.idleLockMinutes;
    if (ceiling !== undefined && ceiling < idle.value) idle = { value: ceiling, source };
  }
  if (idle.value > MAX_IDLE_LOCK_MINUTES) idle = { value: MAX_IDLE_LOCK_MINUTES, source: 'default' };

  // allowedOperations: the operator has no say; every policy cap present applies.
  const capSource = ordered('allowedOperations', undefined)?.source ?? 'default';
  const caps = [managed?.allowedOperations, provisioned?.allowedOperations].filter((c) => c !== undefined);
  const allowedOperations =
    caps.length === 0 ? undefined : OPERATION_GROUPS.filter((group) => caps.every((cap) => cap.includes(group)));

  return {
    values: {
      idleLockMinutes: idle.value,
      kiosk: kiosk?.value ?? defaults.kiosk,
      language: language?.value ?? defaults.language,
      ...(allowedOperations === undefined ? {} : { allowedOperations }),
    },
    locked: LOCKABLE_SETTINGS.filter((key) => lockedBy[key] !== undefined),
    source: {
      idleLockMinutes: idle.source,
      allowedOperations: capSource,
      kiosk: kiosk?.source ?? 'default',
      language: language?.source ?? 'default',
    },
    lockedBy,
    ...lowest('bulkRetentionDays', managed, provisioned),
    ...lowest('journalArchiveAfterDays', managed, provisioned),
    ...(managed?.requireOperatorPin === true || provisioned?.requireOperatorPin === true
      ? { requireOperatorPin: true as const }
      : {}),
    directory: directoryPolicy(managed, provisioned),
    operators: operatorPolicy(managed, provisioned),
    ...firstSyslog(managed, provisioned),
  };
}

function directoryPolicy(...policies: (Policy | undefined)[]): ResolvedSettings['directory'] {
  const set = policies.map((p) => p?.directory).filter((d) => d !== undefined);
  const days = set.map((d) => d.retentionDays).filter((d) => d !== undefined);
  return {
    enabled: !set.some((d) => d.enabled === false),
    retentionDays: days.length === 0 ? DEFAULT_DIRECTORY_RETENTION_DAYS : Math.min(...days),
  };
}

/** Data is kept no longer than any policy asks: the lowest value present. */
function lowest<K extends 'bulkRetentionDays' | 'journalArchiveAfterDays'>(
  key: K,
  ...policies: (Policy | undefined)[]
): Partial<Record<K, number>> {
  const days = policies.map((p) => p?.[key]).filter((d) => d !== undefined);
  return days.length === 0 ? {} : ({ [key]: Math.min(...days) } as Partial<Record<K, number>>);
}

/** The groups a profile may use on this workstation: its own groups within the policy cap, in its order. */
export function allowedGroupsFor(profile: Profile, resolved: ResolvedSettings): AllowedGroup[] {
  const cap = resolved.values.allowedOperations;
  return profile.allowedOperations.filter((group) => cap === undefined || cap.includes(group));
}

// ---------------------------------------------------------------------------------------------------------------

const SETTING_NAMES: Record<LockableSetting, string> = {
  idleLockMinutes: 'idle lock minutes',
  allowedOperations: 'the allowed operation groups',
  kiosk: 'kiosk mode',
  language: 'language',
};
const POLICY_NAMES: Record<PolicySource, string> = {
  managed: 'the managed policy',
  provisioned: 'the provisioning file',
};

export interface LockedSetting {
  setting: LockableSetting;
  lockedBy: PolicySource;
}

/** An operator tried to change a setting a policy locked. `setting`/`lockedBy` name the first of `locks`. */
export class PolicyLockedError extends DeskError {
  readonly setting: LockableSetting;
  readonly lockedBy: PolicySource;
  readonly locks: LockedSetting[];
  constructor(locks: [LockedSetting, ...LockedSetting[]]) {
    const [first] = locks;
    const more = locks.length > 1 ? ` (and ${locks.length - 1} more)` : '';
    super('setting_locked', `${SETTING_NAMES[first.setting]} is locked by ${POLICY_NAMES[first.lockedBy]}${more}`, {
      setting: first.setting,
      lockedBy: first.lockedBy,
    });
    this.name = 'PolicyLockedError';
    this.setting = first.setting;
    this.lockedBy = first.lockedBy;
    this.locks = locks;
  }
}

/** What an operator may try to change: preferences, and a profile's allowed groups. */
export type OperatorChange = Partial<Preferences> & { allowedOperations?: readonly AllowedGroup[] };

/**
 * Throws PolicyLockedError when `change` would alter a locked setting. Re-submitting the current value is not a
 * change (a settings form sends every field). For allowedOperations pass the profile being edited: without it
 * any allowedOperations in the change counts as a change.
 */
export function checkOperatorChange(resolved: ResolvedSettings, change: OperatorChange, profile?: Profile): void {
  const locks: LockedSetting[] = [];
  for (const key of LOCKABLE_SETTINGS) {
    const lockedBy = resolved.lockedBy[key];
    if (lockedBy === undefined) continue;
    const wanted = change[key];
    if (wanted === undefined) continue;
    const current = key === 'allowedOperations' ? profile?.allowedOperations : resolved.values[key];
    if (!sameValue(wanted, current)) locks.push({ setting: key, lockedBy });
  }
  const [first, ...rest] = locks;
  if (first !== undefined) throw new PolicyLockedError([first, ...rest]);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item) => (b as unknown[]).includes(item));
  }
  return a === b;
}

// The merchant profiles of the settings file: the active one, operator edits, provisioning imports and the
// built-in Sandbox profile (docs/provisioning.md). Every change is told to `changed` with the profile's id, which
// is how the client built from a profile is renewed.
import type { ImportReport } from '../../../common/contract/index.ts';
import { EMBEDDED_PROFILE_ID, type Profile, type Provisioning } from '../../../common/settings/schema.ts';
import { DeskError } from '../errors.ts';
import { embeddedProfile } from '../settings/embedded.ts';
import { applyProvisioning } from '../settings/apply-provisioning.ts';
import { checkOperatorChange, type ResolvedSettings } from '../settings/policy.ts';
import {
  checkConnectionKept,
  refuseOperatorPolicy,
  strongerOrigin,
  withOrigin,
  type ProfileOrigin,
} from '../settings/provisioning-origin.ts';
import type { SettingsStore } from '../settings/store.ts';
import type { Audit } from './audit.ts';

export interface ProfileBookOptions {
  store: SettingsStore;
  settings: () => ResolvedSettings;
  audit: Audit;
  changed: (profileId: string) => void;
}

export class ProfileBook {
  private readonly options: ProfileBookOptions;

  constructor(options: ProfileBookOptions) {
    this.options = options;
  }

  all(): Profile[] {
    return this.options.store.document.profiles;
  }

  require(id: string): Profile {
    const profile = this.all().find((p) => p.id === id);
    if (profile === undefined) throw new DeskError('profile_not_found', `no profile "${id}"`);
    return profile;
  }

  activeId(): string {
    const doc = this.options.store.document;
    const active = doc.activeProfileId;
    return active !== undefined && doc.profiles.some((p) => p.id === active) ? active : EMBEDDED_PROFILE_ID;
  }

  switchTo(id: string): void {
    this.require(id);
    this.options.store.update((doc) => ({ ...doc, activeProfileId: id }));
    this.options.changed(id);
    this.options.audit('profile.switch', { profileId: id });
  }

  /**
   * Adds or edits a profile: locked allowed groups cannot be changed by the operator, nor the connection of a
   * provisioned profile (which stays provisioned).
   */
  save(input: Omit<Profile, 'embedded' | 'provisionedBy'>): void {
    if (input.id === EMBEDDED_PROFILE_ID)
      throw new DeskError('profile_builtin', 'the built-in Sandbox profile cannot be edited');
    const existing = this.all().find((p) => p.id === input.id);
    checkOperatorChange(this.options.settings(), { allowedOperations: input.allowedOperations }, existing);
    checkConnectionKept(existing, input);
    const profile = withOrigin(input, existing?.provisionedBy);
    this.options.store.update((doc) => ({
      ...doc,
      profiles: existing ? doc.profiles.map((p) => (p.id === profile.id ? profile : p)) : [...doc.profiles, profile],
    }));
    this.options.changed(profile.id);
    this.options.audit(existing ? 'profile.edit' : 'profile.add', { profileId: profile.id });
  }

  /** Removes the profile from the settings (its secrets are the caller's to clear). */
  remove(id: string): void {
    this.require(id);
    if (id === EMBEDDED_PROFILE_ID)
      throw new DeskError('profile_builtin', 'the built-in Sandbox profile cannot be removed');
    this.options.store.update((doc) => ({
      ...doc,
      profiles: doc.profiles.filter((p) => p.id !== id),
      activeProfileId: doc.activeProfileId === id ? EMBEDDED_PROFILE_ID : doc.activeProfileId,
    }));
    this.options.changed(id);
  }

  /** An administrator's provisioning file (the CLI): its profiles become provisioned, its policy applies. */
  applyProvisioning(incoming: Provisioning): ImportReport {
    return this.apply(incoming, 'provisioned');
  }

  /**
   * A provisioning file imported from the operator's side (the contract): profiles only, within the locks in
   * force; a file with a policy, or one that would change a locked value, is refused whole.
   */
  importFromOperator(incoming: Provisioning, fileName: string): ImportReport {
    refuseOperatorPolicy(incoming, fileName);
    const settings = this.options.settings();
    for (const profile of incoming.profiles) {
      const existing = this.all().find((p) => p.id === profile.id);
      checkOperatorChange(settings, { allowedOperations: profile.allowedOperations }, existing);
      checkConnectionKept(existing, profile);
    }
    return this.apply(incoming, undefined);
  }

  /** Applies a parsed provisioning document; a refused one changes nothing. Origins are kept, never lowered. */
  private apply(incoming: Provisioning, origin: ProfileOrigin | undefined): ImportReport {
    let report: ImportReport | undefined;
    const fromFile = new Set(incoming.profiles.map((p) => p.id));
    this.options.store.update((doc) => {
      const before = new Map(doc.profiles.map((p) => [p.id, p.provisionedBy]));
      const applied = applyProvisioning(doc, incoming);
      report = applied.report;
      const profiles = applied.profiles.map((p) =>
        withOrigin(p, strongerOrigin(before.get(p.id), fromFile.has(p.id) ? origin : undefined)),
      );
      return { ...doc, profiles, provisionedPolicy: applied.provisionedPolicy };
    });
    const applied = report ?? { added: [], updated: [], unchanged: [] };
    for (const id of [...applied.added, ...applied.updated]) this.options.changed(id);
    this.options.audit('provisioning.import', { profiles: applied.added.length });
    return applied;
  }

  /** At open: the managed policy's profiles (its policy is read, not stored) and the built-in Sandbox profile. */
  applyAtOpen(managed: Provisioning | undefined): void {
    const { store } = this.options;
    if (managed) {
      const fromPolicy = new Set(managed.profiles.map((p) => p.id));
      store.update((doc) => ({
        ...doc,
        profiles: applyProvisioning(doc, { ...managed, policy: undefined }).profiles.map((p) =>
          fromPolicy.has(p.id) ? withOrigin(p, 'managed') : p,
        ),
      }));
    }
    if (!store.document.profiles.some((p) => p.id === EMBEDDED_PROFILE_ID)) {
      store.update((doc) => ({
        ...doc,
        profiles: [embeddedProfile(), ...doc.profiles],
        activeProfileId: doc.activeProfileId ?? EMBEDDED_PROFILE_ID,
      }));
    }
  }
}

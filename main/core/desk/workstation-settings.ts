// The workstation's settings: the operator's preferences under the provisioned and the managed policy
// (docs/provisioning.md, precedence), and the two PIN hashes (kiosk exit, operator lock).
import type { Policy, Preferences } from '../../../common/settings/schema.ts';
import { providedOperators, type ProvidedAccounts } from '../settings/operator-policy.ts';
import { checkOperatorChange, resolveSettings, type ResolvedSettings } from '../settings/policy.ts';
import type { SettingsStore } from '../settings/store.ts';
import type { Audit } from './audit.ts';

export class WorkstationSettings {
  private readonly store: SettingsStore;
  private readonly managedPolicy: Policy | undefined;
  private readonly audit: Audit;

  constructor(store: SettingsStore, managedPolicy: Policy | undefined, audit: Audit) {
    this.store = store;
    this.managedPolicy = managedPolicy;
    this.audit = audit;
  }

  resolved(): ResolvedSettings {
    const doc = this.store.document;
    return resolveSettings({
      operator: doc.preferences,
      provisioned: doc.provisionedPolicy,
      managed: this.managedPolicy,
    });
  }

  /** The operator's own preferences; a locked one is refused naming who locked it. */
  updatePreferences(change: Preferences): ResolvedSettings {
    checkOperatorChange(this.resolved(), change);
    this.store.update((doc) => ({ ...doc, preferences: { ...doc.preferences, ...change } }));
    this.audit('settings.update', { ...change });
    return this.resolved();
  }

  /** The admin PIN hash for leaving kiosk mode: the managed policy's wins over the provisioned one. */
  kioskExitPinHash(): string | undefined {
    return this.managedPolicy?.kioskExitPinHash ?? this.store.document.provisionedPolicy?.kioskExitPinHash;
  }

  /** Operator accounts the policies provide, with their hashes (kept out of resolved(), which the renderer sees). */
  providedOperators(): ProvidedAccounts {
    return providedOperators(this.managedPolicy, this.store.document.provisionedPolicy);
  }

  operatorPinHash(): string | undefined {
    return this.store.document.operatorPinHash;
  }

  saveOperatorPinHash(hash: string): void {
    this.store.update((doc) => ({ ...doc, operatorPinHash: hash }));
    this.audit('operator-pin.set', {});
  }
}

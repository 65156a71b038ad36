// The operator services over core (docs/architecture.md, folders "desk.ts"): profiles, provisioning, the vault, the
// embedded sandbox and one Card API client per profile. The CLI uses it today; the IPC contract will.
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { operations, type OpId, type RequestOf } from '../../common/card-api/catalog/index.ts';
import { CardApiClient } from './card-api/client.ts';
import type { Outcome } from '../../common/card-api/outcome.ts';
import { DeskError } from './errors.ts';
import { Journal } from './journal/index.ts';
import type { AppLog } from './log/logger.ts';
import { reconcileJournal, type ReconcileReport } from './journal/reconcile.ts';
import { EMBEDDED_STATE_FILE, embeddedProfile, type EmbeddedSandboxStarter } from './settings/embedded.ts';
import { claimEmbedded, EMBEDDED_INSTANCE_FILE } from './settings/embedded-instance.ts';
import { readManagedPolicy } from './settings/managed-policy.ts';
import {
  allowedGroupsFor,
  applyProvisioning,
  checkOperatorChange,
  resolveSettings,
  type ResolvedSettings,
} from './settings/policy.ts';
import { readProvisioningFile } from './settings/provisioning.ts';
import {
  EMBEDDED_PROFILE_ID,
  type AllowedGroup,
  type Policy,
  type Preferences,
  type Profile,
  type Provisioning,
} from '../../common/settings/schema.ts';
import { SettingsStore, type SettingsBackend } from './settings/store.ts';
import { encryptPin, generatePinKey, MemoryVault, type SecretVault, type VaultStatus } from './vault/index.ts';

export interface DeskOptions {
  dataDir: string;
  vault: SecretVault;
  /** The managed policy's fixed system path (managedPolicyPath()); omitted in tests that need none. */
  managedPolicyFile?: string;
  startEmbedded: EmbeddedSandboxStarter;
  deadlineMs?: number;
  pollCeilingMs?: number;
  /** After how long "request not found" proves a write was never received (the client's default otherwise). */
  notReceivedGraceMs?: number;
  /** The application log (redacted); operation outcomes and problems are written to it. */
  log?: AppLog;
  /** electron-store in the desktop shell; conf (the default) elsewhere. Same options, schema and folder. */
  settingsBackend?: SettingsBackend;
}

export interface ProfileView extends Profile {
  secret: VaultStatus;
  pinKey: VaultStatus;
  /** Groups this workstation may use with the profile (profile ∩ policy). */
  effectiveOperations: AllowedGroup[];
  /** Where the merchant secret lives: the OS keychain, or memory only (clearly labelled). */
  secretStore: 'keychain' | 'memory';
}

export type ConnectionTest =
  | { result: 'signature_accepted' }
  | { result: 'invalid_signature' | 'unknown_merchant'; description: string }
  | { result: 'unreachable'; reason: string }
  | { result: 'unexpected'; description: string };

interface Running {
  url: string;
  close(): Promise<void>;
}

export class Desk {
  readonly dataDir: string;
  readonly journal: Journal;
  readonly problems: string[] = [];
  private readonly store: SettingsStore;
  private readonly vault: SecretVault;
  private readonly options: DeskOptions;
  private readonly managedPolicy: Policy | undefined;
  private readonly clients = new Map<string, CardApiClient>();
  /** The embedded profile's secret when the keychain cannot hold it. */
  private fallbackVault: MemoryVault | undefined;
  private embedded: Promise<Running> | undefined;

  private constructor(options: DeskOptions, store: SettingsStore, managedPolicy: Policy | undefined) {
    this.options = options;
    this.dataDir = options.dataDir;
    this.vault = options.vault;
    this.store = store;
    this.managedPolicy = managedPolicy;
    // Group commit: the fdatasync before each request runs off the event loop, shared by calls in flight.
    this.journal = Journal.open(options.dataDir, { groupCommit: true });
    if (store.problem) this.problems.push(store.problem.message);
    if (this.journal.report.skipped > 0) {
      this.problems.push(`${String(this.journal.report.skipped)} unreadable journal line(s) were skipped`);
    }
  }

  /** Opens the data folder: settings, managed policy (its profiles are applied), the embedded default. */
  static open(options: DeskOptions): Desk {
    const store = SettingsStore.open(options.dataDir, Date.now, options.settingsBackend);
    const managed = options.managedPolicyFile === undefined ? {} : readManagedPolicy(options.managedPolicyFile);
    const desk = new Desk(options, store, managed.provisioning?.policy);
    if (managed.problem) desk.problems.push(`managed policy refused: ${managed.problem.message}`);
    for (const problem of desk.problems) options.log?.warn(problem);
    if (managed.provisioning) {
      const incoming = managed.provisioning;
      store.update((doc) => ({
        ...doc,
        profiles: applyProvisioning(doc, { ...incoming, policy: undefined }).profiles,
      }));
    }
    if (!store.document.profiles.some((p) => p.id === EMBEDDED_PROFILE_ID)) {
      store.update((doc) => ({
        ...doc,
        profiles: [embeddedProfile(), ...doc.profiles],
        activeProfileId: doc.activeProfileId ?? EMBEDDED_PROFILE_ID,
      }));
    }
    return desk;
  }

  settings(): ResolvedSettings {
    const doc = this.store.document;
    return resolveSettings({
      operator: doc.preferences,
      provisioned: doc.provisionedPolicy,
      managed: this.managedPolicy,
    });
  }

  async profiles(): Promise<ProfileView[]> {
    return Promise.all(this.store.document.profiles.map((p) => this.view(p)));
  }

  async profile(id: string): Promise<ProfileView> {
    return this.view(this.requireProfile(id));
  }

  /** Imports a provisioning file; a refused file changes nothing. */
  importProvisioning(path: string): ReturnType<typeof applyProvisioning>['report'] {
    return this.applyProvisioning(readProvisioningFile(path));
  }

  /** Applies a parsed provisioning document (from a file, or from the renderer's file picker). */
  applyProvisioning(incoming: Provisioning): ReturnType<typeof applyProvisioning>['report'] {
    let report: ReturnType<typeof applyProvisioning>['report'] | undefined;
    this.store.update((doc) => {
      const applied = applyProvisioning(doc, incoming);
      report = applied.report;
      return { ...doc, profiles: applied.profiles, provisionedPolicy: applied.provisionedPolicy };
    });
    this.clients.clear();
    this.audit('provisioning.import', { profiles: report?.added.length ?? 0 });
    return report ?? { added: [], updated: [], unchanged: [] };
  }

  async removeProfile(id: string): Promise<void> {
    this.requireProfile(id);
    if (id === EMBEDDED_PROFILE_ID)
      throw new DeskError('profile_builtin', 'the built-in Sandbox profile cannot be removed');
    this.store.update((doc) => ({
      ...doc,
      profiles: doc.profiles.filter((p) => p.id !== id),
      activeProfileId: doc.activeProfileId === id ? EMBEDDED_PROFILE_ID : doc.activeProfileId,
    }));
    this.clients.delete(id);
    await this.vault.clear(id);
  }

  /** Stores (or replaces) a profile's merchant secret. Write-only: nothing reads it back out. */
  async setSecret(id: string, secret: Buffer): Promise<void> {
    const profile = this.requireProfile(id);
    if (profile.embedded === true) throw new DeskError('profile_builtin', 'the Sandbox profile manages its own secret');
    if (secret.length === 0) throw new DeskError('secret_empty', 'the secret is empty');
    await this.vault.set(id, 'merchant-secret', secret);
    this.audit('secret.set', { profileId: id });
  }

  async clearSecret(id: string): Promise<void> {
    this.requireProfile(id);
    await this.vault.clear(id, 'merchant-secret');
    this.audit('secret.clear', { profileId: id });
  }

  /** A fresh AES-256 key for entered PINs (docs/card-api.md, sensitive data), kept in the keychain. */
  async createPinKey(id: string): Promise<void> {
    this.requireProfile(id);
    const key = generatePinKey();
    try {
      await this.vaultFor(id).set(id, 'pin-key', key);
    } finally {
      key.fill(0);
    }
    this.audit('pin-key.create', { profileId: id });
  }

  /** Encrypts an entered card PIN with the profile's PIN key; the clear PIN goes no further. */
  async encryptPinFor(id: string, pin: string): Promise<string> {
    return this.vaultFor(id)
      .use(id, 'pin-key')
      .withSecret((key) => encryptPin(pin, key));
  }

  activeProfileId(): string {
    const doc = this.store.document;
    const active = doc.activeProfileId;
    return active !== undefined && doc.profiles.some((p) => p.id === active) ? active : EMBEDDED_PROFILE_ID;
  }

  switchProfile(id: string): void {
    this.requireProfile(id);
    this.store.update((doc) => ({ ...doc, activeProfileId: id }));
    this.audit('profile.switch', { profileId: id });
  }

  /** Adds or edits a profile; locked allowed groups cannot be changed by the operator. */
  saveProfile(profile: Omit<Profile, 'embedded'>): void {
    if (profile.id === EMBEDDED_PROFILE_ID)
      throw new DeskError('profile_builtin', 'the built-in Sandbox profile cannot be edited');
    const existing = this.store.document.profiles.find((p) => p.id === profile.id);
    checkOperatorChange(this.settings(), { allowedOperations: profile.allowedOperations }, existing);
    this.store.update((doc) => ({
      ...doc,
      profiles: existing ? doc.profiles.map((p) => (p.id === profile.id ? profile : p)) : [...doc.profiles, profile],
    }));
    this.clients.delete(profile.id);
    this.audit(existing ? 'profile.edit' : 'profile.add', { profileId: profile.id });
  }

  /** The operator's own preferences; a locked one is refused naming who locked it. */
  updatePreferences(change: Preferences): ResolvedSettings {
    checkOperatorChange(this.settings(), change);
    this.store.update((doc) => ({ ...doc, preferences: { ...doc.preferences, ...change } }));
    this.audit('settings.update', { ...change });
    return this.settings();
  }

  /** The admin PIN hash for leaving kiosk mode: the managed policy's wins over the provisioned one. */
  kioskExitPinHash(): string | undefined {
    return this.managedPolicy?.kioskExitPinHash ?? this.store.document.provisionedPolicy?.kioskExitPinHash;
  }

  operatorPinHash(): string | undefined {
    return this.store.document.operatorPinHash;
  }

  saveOperatorPinHash(hash: string): void {
    this.store.update((doc) => ({ ...doc, operatorPinHash: hash }));
    this.audit('operator-pin.set', {});
  }

  /** Records an audited operator action (never a secret: callers pass ids and choices only). */
  audit(action: string, details: Record<string, string | number | boolean | null>): void {
    const { profileId, ...rest } = details;
    this.journal.recordAudit({
      key: randomUUID(),
      at: Date.now(),
      action,
      ...(typeof profileId === 'string' ? { profileId } : {}),
      details: rest,
    });
  }

  /** A harmless signed call (Request status of a random id) that tells a good signature from a bad one. */
  async testConnection(id: string): Promise<ConnectionTest> {
    const client = await this.client(id);
    const outcome = await client.read('request.status', { request_id: randomUUID() });
    if (outcome.kind === 'failed' && outcome.code === 'request_not_found') return { result: 'signature_accepted' };
    if (outcome.kind === 'failed' && (outcome.code === 'invalid_signature' || outcome.code === 'unknown_merchant')) {
      return { result: outcome.code, description: outcome.description };
    }
    if (outcome.kind === 'transport' || outcome.kind === 'unknown')
      return { result: 'unreachable', reason: outcome.reason };
    return { result: 'unexpected', description: JSON.stringify(outcome) };
  }

  /** Runs one operation for a profile, if this workstation allows its group. */
  async call<Id extends OpId>(profileId: string, opId: Id, body: Omit<RequestOf<Id>, 'request_id'>): Promise<Outcome> {
    this.assertAllowed(profileId, opId);
    return (await this.client(profileId)).call(opId, body);
  }

  assertAllowed(profileId: string, opId: OpId): void {
    const group = operations[opId].group;
    if (group === 'requests') return;
    const allowed = allowedGroupsFor(this.requireProfile(profileId), this.settings());
    if (!allowed.includes(group)) {
      throw new DeskError(
        'operation_not_allowed',
        `${opId} (${group}) is not allowed for profile ${profileId} on this workstation`,
      );
    }
  }

  /** The profile's client; for the embedded profile the sandbox is started first. */
  async client(profileId: string): Promise<CardApiClient> {
    const cached = this.clients.get(profileId);
    if (cached) return cached;
    const profile = this.requireProfile(profileId);
    const baseUrl = profile.embedded === true ? (await this.startEmbedded()).url : profile.baseUrl;
    const vault = this.vaultFor(profileId);
    const client = new CardApiClient({
      connection: { baseUrl, merchantId: profile.merchantId, scheme: profile.scheme, profileId },
      secrets: vault.use(profileId, 'merchant-secret'),
      journal: this.journal,
      deadlineMs: this.options.deadlineMs,
      pollCeilingMs: this.options.pollCeilingMs,
      notReceivedGraceMs: this.options.notReceivedGraceMs,
      log: this.options.log,
    });
    this.clients.set(profileId, client);
    return client;
  }

  /** Settles open journal entries of one profile (or of every profile whose client can be built). */
  async reconcile(profileId?: string, options: { wait?: boolean } = {}): Promise<ReconcileReport> {
    const ids = new Set(this.store.document.profiles.map((p) => p.id));
    const clients = new Map<string, CardApiClient>();
    for (const entry of this.journal.open()) {
      const id = entry.connection.profileId;
      if (id === undefined || !ids.has(id) || (profileId !== undefined && id !== profileId) || clients.has(id))
        continue;
      clients.set(id, await this.client(id));
    }
    return reconcileJournal(this.journal, (entry) => clients.get(entry.connection.profileId ?? ''), options);
  }

  async close(): Promise<void> {
    this.journal.close();
    if (this.embedded) await (await this.embedded).close();
  }

  private requireProfile(id: string): Profile {
    const profile = this.store.document.profiles.find((p) => p.id === id);
    if (profile === undefined) throw new DeskError('profile_not_found', `no profile "${id}"`);
    return profile;
  }

  /** The embedded profile's vault may be the in-memory fallback; every other profile uses the keychain. */
  private vaultFor(id: string): SecretVault {
    return id === EMBEDDED_PROFILE_ID ? this.embeddedVault() : this.vault;
  }

  private async view(profile: Profile): Promise<ProfileView> {
    const vault = this.vaultFor(profile.id);
    const secret = await vault.status(profile.id, 'merchant-secret');
    // The embedded profile always has a secret: generated on first use, in memory when the keychain is out.
    const embedded = profile.embedded === true;
    return {
      ...profile,
      secret: embedded ? 'present' : secret,
      pinKey: await vault.status(profile.id, 'pin-key'),
      effectiveOperations: allowedGroupsFor(profile, this.settings()),
      secretStore: embedded && secret === 'unavailable' ? 'memory' : vault.kind,
    };
  }

  /** The keychain when it answers, else a memory vault for the embedded profile only. */
  private embeddedVault(): SecretVault {
    return this.fallbackVault ?? this.vault;
  }

  /** Starts the embedded sandbox, or joins the one another process of this data folder already runs. */
  private startEmbedded(): Promise<Running> {
    this.embedded ??= (async () => {
      const secret = await this.embeddedSecret();
      const claim = await claimEmbedded(join(this.dataDir, EMBEDDED_INSTANCE_FILE));
      if (!claim.owner && this.fallbackVault !== undefined) {
        // Its secret lives in that process's memory; without the keychain nothing may carry it here.
        throw new DeskError(
          'embedded_busy',
          `the embedded sandbox already runs at ${claim.url} in another Card Desk process, and without the OS keychain its secret cannot be shared: use that process, or stop it`,
        );
      }
      if (!claim.owner) return { url: claim.url, close: () => Promise.resolve() };
      try {
        const running = await this.options.startEmbedded({
          merchant: { id: embeddedProfile().merchantId, secret },
          stateFile: join(this.dataDir, EMBEDDED_STATE_FILE),
        });
        claim.publish(running.url);
        return {
          url: running.url,
          close: async () => {
            claim.release();
            await running.close();
          },
        };
      } catch (error) {
        claim.release();
        throw error;
      }
    })();
    return this.embedded;
  }

  /** The embedded sandbox's URL (starting or joining it). */
  async embeddedUrl(): Promise<string> {
    return (await this.startEmbedded()).url;
  }

  /** The embedded sandbox's secret: generated once and kept in the keychain, or in memory when it is unavailable. */
  private async embeddedSecret(): Promise<string> {
    const status = await this.vault.status(EMBEDDED_PROFILE_ID, 'merchant-secret');
    if (status === 'unavailable') {
      this.fallbackVault = new MemoryVault();
      this.problems.push('the OS keychain is unavailable: the Sandbox secret is kept in memory only for this session');
    }
    const vault = this.embeddedVault();
    if (status !== 'present')
      await vault.set(EMBEDDED_PROFILE_ID, 'merchant-secret', Buffer.from(randomBytes(32).toString('hex')));
    // The simulated bank must know the secret to verify signatures; it runs in this process.
    const secret = await vault.use(EMBEDDED_PROFILE_ID, 'merchant-secret').withSecret((s) => s.toString('utf8'));
    this.options.log?.redactor.addSecret(secret);
    return secret;
  }
}

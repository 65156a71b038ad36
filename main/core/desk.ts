// The operator services over core (docs/architecture.md, folders "desk"): one data folder's settings, profiles
// and their secrets, the embedded sandbox, a Card API client per profile, the journal and its audit trail. The
// parts live in core/desk/; this facade composes them for the services, the CLI and the preview.
import { operations, type OpId, type RequestOf } from '../../common/card-api/catalog/index.ts';
import type { Outcome } from '../../common/card-api/outcome.ts';
import type { ConnectionTest, ImportReport, ProfileView } from '../../common/contract/index.ts';
import type { Preferences, Profile, Provisioning } from '../../common/settings/schema.ts';
import type { CardApiClient, ClientTiming, Connection } from './card-api/client.ts';
import type { SecretSource } from './card-api/signing.ts';
import { auditInto, type Audit } from './desk/audit.ts';
import { vaultKeySource, type DirectoryKeySource } from './directory/keys.ts';
import { ClientPool } from './desk/client-pool.ts';
import { testConnection } from './desk/connection-test.ts';
import { EmbeddedSandbox } from './desk/embedded-sandbox.ts';
import { ProfileBook } from './desk/profile-book.ts';
import { ProfileSecrets } from './desk/profile-secrets.ts';
import { WorkstationSettings } from './desk/workstation-settings.ts';
import { DeskError } from './errors.ts';
import { Journal } from './journal/index.ts';
import { ChainWatch } from './journal/chain-watch.ts';
import { OperatorAccounts } from './operators/accounts.ts';
import { adoptSinglePin, provideOperators } from './operators/provide.ts';
import { reconcileJournal, type ReconcileReport } from './journal/reconcile.ts';
import type { AppLog } from './log/logger.ts';
import type { EmbeddedSandboxStarter } from './settings/embedded.ts';
import { readManagedPolicy } from './settings/managed-policy.ts';
import { allowedGroupsFor, type ResolvedSettings } from './settings/policy.ts';
import { readProvisioningFile } from './settings/provisioning.ts';
import { SettingsStore, type SettingsBackend } from './settings/store.ts';
import { BoundVault, readInstallId, type SecretVault } from './vault/index.ts';

export interface DeskOptions extends ClientTiming {
  dataDir: string;
  vault: SecretVault;
  /** The managed policy's fixed system path (managedPolicyPath()); omitted in tests that need none. */
  managedPolicyFile?: string;
  startEmbedded: EmbeddedSandboxStarter;
  /** The application log (redacted); operation outcomes and problems are written to it. */
  log?: AppLog;
  /** electron-store in the desktop shell; conf (the default) elsewhere. Same options, schema and folder. */
  settingsBackend?: SettingsBackend;
  /** The browser preview: its vault sees only sandbox entries of this data folder (vault/bound-vault.ts). */
  sandboxSecretsOnly?: boolean;
  /** The journal chain's key, read from the keychain before opening (journal/chain-key.ts); absent: unkeyed. */
  chainKey?: Buffer;
}

export class Desk {
  readonly dataDir: string;
  readonly journal: Journal;
  readonly problems: string[] = [];
  /** Records an audited operator action (never a secret: callers pass ids and choices only). */
  readonly audit: Audit;
  /** Operator accounts, in the journal's database (core/operators). */
  readonly operators: OperatorAccounts;
  /** The search directory's keys in the keychain (core/directory/keys.ts): not a profile's, never the preview's secrets. */
  readonly directoryKeys: DirectoryKeySource;
  /** The journal chain's key (bulk job processes seal with it too) and the check of the chain (chain-watch.ts). */
  readonly chainKey: Buffer | undefined;
  readonly chain: ChainWatch;
  private readonly workstation: WorkstationSettings;
  private readonly book: ProfileBook;
  private readonly secrets: ProfileSecrets;
  private readonly embedded: EmbeddedSandbox;
  private readonly clients: ClientPool;
  private readonly timing: ClientTiming;
  private readonly logged: boolean;

  private constructor(options: DeskOptions, store: SettingsStore, managed: ReturnType<typeof readManagedPolicy>) {
    this.dataDir = options.dataDir;
    const { deadlineMs, pollCeilingMs, notReceivedGraceMs } = options;
    this.timing = { deadlineMs, pollCeilingMs, notReceivedGraceMs };
    this.logged = options.log !== undefined;
    // Group commit: the fdatasync before each request runs off the event loop, shared by calls in flight.
    this.chainKey = options.chainKey;
    this.journal = Journal.open(options.dataDir, { groupCommit: true, chainKey: options.chainKey });
    this.chain = new ChainWatch({ dbPath: this.journal.path, key: options.chainKey, dataDir: options.dataDir });
    this.audit = auditInto(this.journal);
    this.operators = OperatorAccounts.open(this.journal.path);
    this.workstation = new WorkstationSettings(store, managed.provisioning?.policy, this.audit);
    // Whatever a client is built from changes through these two, and each change renews the profile's client.
    const changed = (profileId: string) => {
      this.clients.invalidate(profileId);
    };
    const settings = () => this.workstation.resolved();
    this.book = new ProfileBook({ store, settings, audit: this.audit, changed });
    const installId = readInstallId(options.dataDir);
    this.directoryKeys = vaultKeySource(options.vault, installId);
    const keychain = new BoundVault(options.vault, {
      installId,
      sandboxOnly: options.sandboxSecretsOnly === true,
    });
    this.embedded = new EmbeddedSandbox({
      dataDir: options.dataDir,
      keychain,
      start: options.startEmbedded,
      log: options.log,
      problem: (message) => this.problems.push(message),
    });
    this.secrets = new ProfileSecrets({
      keychain,
      embedded: this.embedded,
      profiles: this.book,
      audit: this.audit,
      changed,
    });
    this.clients = new ClientPool({
      journal: this.journal,
      connect: (id) => this.connect(id),
      log: options.log,
      deadlineMs: options.deadlineMs,
      pollCeilingMs: options.pollCeilingMs,
      notReceivedGraceMs: options.notReceivedGraceMs,
    });
    if (store.problem) this.problems.push(store.problem.message);
    if (managed.problem) this.problems.push(`managed policy refused: ${managed.problem.message}`);
  }

  /** Opens the data folder: settings, managed policy (its profiles are applied), the embedded default. */
  static open(options: DeskOptions): Desk {
    const store = SettingsStore.open(options.dataDir, Date.now, options.settingsBackend);
    const managed = options.managedPolicyFile === undefined ? {} : readManagedPolicy(options.managedPolicyFile);
    const desk = new Desk(options, store, managed);
    for (const problem of desk.problems) options.log?.warn(problem);
    desk.book.applyAtOpen(managed.provisioning);
    desk.provideOperators(options.log);
    return desk;
  }

  settings(): ResolvedSettings {
    return this.workstation.resolved();
  }

  updatePreferences(change: Preferences): ResolvedSettings {
    return this.workstation.updatePreferences(change);
  }

  kioskExitPinHash(): string | undefined {
    return this.workstation.kioskExitPinHash();
  }

  /** The policies' operator accounts applied (and an older version's single PIN adopted). */
  provideOperators(log?: AppLog): void {
    for (const problem of provideOperators(this.operators, this.workstation.providedOperators())) {
      this.problems.push(problem);
      log?.warn(problem);
    }
    if (adoptSinglePin(this.operators, this.workstation.operatorPinHash()))
      this.audit('operator.add', { operatorId: 'operator', adoptedPin: true });
  }

  /** The profiles as stored in the settings, without asking the keychain about their secrets. */
  storedProfiles(): Profile[] {
    return this.book.all();
  }

  async profiles(): Promise<ProfileView[]> {
    return Promise.all(this.book.all().map((p) => this.view(p)));
  }

  async profile(id: string): Promise<ProfileView> {
    return this.view(this.book.require(id));
  }

  activeProfileId(): string {
    return this.book.activeId();
  }

  switchProfile(id: string): void {
    this.book.switchTo(id);
  }

  saveProfile(profile: Omit<Profile, 'embedded'>): void {
    this.book.save(profile);
  }

  async removeProfile(id: string): Promise<void> {
    this.book.remove(id);
    await this.secrets.forget(id);
  }

  /** Imports a provisioning file; a refused file changes nothing. */
  importProvisioning(path: string): ImportReport {
    return this.applyProvisioning(readProvisioningFile(path));
  }

  applyProvisioning(incoming: Provisioning): ImportReport {
    const report = this.book.applyProvisioning(incoming);
    this.provideOperators();
    return report;
  }

  /** A provisioning file from the operator's side (the contract): profiles only, within the locks in force. */
  importFromOperator(incoming: Provisioning, fileName: string): ImportReport {
    return this.book.importFromOperator(incoming, fileName);
  }

  /** Stores (or replaces) a profile's merchant secret. Write-only: nothing reads it back out. */
  setSecret(id: string, secret: Buffer): Promise<void> {
    return this.secrets.set(id, secret);
  }

  clearSecret(id: string): Promise<void> {
    return this.secrets.clear(id);
  }

  createPinKey(id: string): Promise<void> {
    return this.secrets.createPinKey(id);
  }

  encryptPinFor(id: string, pin: string): Promise<string> {
    return this.secrets.encryptPin(id, pin);
  }

  async testConnection(id: string): Promise<ConnectionTest> {
    return testConnection(await this.client(id));
  }

  /** Runs one operation for a profile, if this workstation allows its group. */
  async call<Id extends OpId>(profileId: string, opId: Id, body: Omit<RequestOf<Id>, 'request_id'>): Promise<Outcome> {
    this.assertAllowed(profileId, opId);
    return (await this.client(profileId)).call(opId, body);
  }

  assertAllowed(profileId: string, opId: OpId): void {
    const group = operations[opId].group;
    if (group === 'requests') return;
    const allowed = allowedGroupsFor(this.book.require(profileId), this.settings());
    if (!allowed.includes(group)) {
      throw new DeskError(
        'operation_not_allowed',
        `${opId} (${group}) is not allowed for profile ${profileId} on this workstation`,
      );
    }
  }

  /** The profile's client; for the embedded profile the sandbox is started first. */
  client(profileId: string): Promise<CardApiClient> {
    return this.clients.get(profileId);
  }

  /** Settles open journal entries of one profile (or of every profile whose client can be built). */
  async reconcile(profileId?: string, options: { wait?: boolean } = {}): Promise<ReconcileReport> {
    const ids = new Set(this.book.all().map((p) => p.id));
    const clients = new Map<string, CardApiClient>();
    for (const entry of this.journal.open()) {
      const id = entry.connection.profileId;
      if (id === undefined || !ids.has(id) || (profileId !== undefined && id !== profileId) || clients.has(id))
        continue;
      clients.set(id, await this.client(id));
    }
    return reconcileJournal(this.journal, (entry) => clients.get(entry.connection.profileId ?? ''), options);
  }

  /**
   * What a client of the profile is built from, for a bulk job's own process (docs/bulk.md, the job process):
   * where requests go, what signs them, how long to wait, and whether calls are logged.
   */
  async connection(
    profileId: string,
  ): Promise<{ connection: Connection; secrets: SecretSource; timing: ClientTiming; logged: boolean }> {
    return { ...(await this.connect(profileId)), timing: this.timing, logged: this.logged };
  }

  /** The embedded sandbox's URL (starting or joining it). */
  embeddedUrl(): Promise<string> {
    return this.embedded.url();
  }

  async close(): Promise<void> {
    await this.chain.close();
    this.operators.close();
    this.journal.close();
    await this.embedded.close();
  }

  private async connect(profileId: string) {
    const profile = this.book.require(profileId);
    const baseUrl = profile.embedded === true ? await this.embedded.url() : profile.baseUrl;
    const { merchantId, scheme } = profile;
    return { connection: { baseUrl, merchantId, scheme, profileId }, secrets: this.secrets.signing(profile) };
  }

  private async view(profile: Profile): Promise<ProfileView> {
    const { secret, pinKey, store } = await this.secrets.status(profile);
    return {
      ...profile,
      secret,
      pinKey,
      effectiveOperations: allowedGroupsFor(profile, this.settings()),
      secretStore: store,
      active: profile.id === this.activeProfileId(),
    };
  }
}

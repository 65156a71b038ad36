// What main answers over the contract: the views the screens show. No secret, no full card number outside
// CardSecretData (which only the audited reveal returns).
import type { BulkFormat } from '../bulk/formats.ts';
import type { BulkProblem } from '../bulk/problems.ts';
import type { BulkProgress } from '../bulk/progress.ts';
import type { Outcome } from '../card-api/outcome.ts';
import type { EntryState } from '../journal/states.ts';
import type { AllowedGroup, Language, LockableSetting, Profile } from '../settings/schema.ts';

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  development: boolean;
  /** Electron's version, or null in the browser preview. */
  electron: string | null;
  /** Which transport serves this renderer. */
  transport: 'ipc' | 'preview';
}

export interface SessionState {
  locked: boolean;
  pinSet: boolean;
  idleLockMinutes: number;
  /** A policy requires an operator PIN: until one is set the renderer shows only the form to set it. */
  pinRequired: boolean;
}

export type SettingSource = 'managed' | 'provisioned' | 'operator' | 'default';

export interface SettingsView {
  values: { idleLockMinutes: number; kiosk: boolean; language: Language; allowedOperations?: AllowedGroup[] };
  locked: LockableSetting[];
  source: Record<LockableSetting, SettingSource>;
}

export type VaultStatus = 'present' | 'absent' | 'unavailable';
export type SecretStore = 'keychain' | 'memory';

export interface VaultStatusView {
  secret: VaultStatus;
  pinKey: VaultStatus;
  store: SecretStore;
}

export interface ProfileView extends Profile {
  secret: VaultStatus;
  pinKey: VaultStatus;
  effectiveOperations: AllowedGroup[];
  secretStore: SecretStore;
  active: boolean;
}

export type ConnectionTest =
  | { result: 'signature_accepted' }
  | { result: 'invalid_signature' | 'unknown_merchant'; description: string }
  | { result: 'unreachable'; reason: string }
  | { result: 'unexpected'; description: string };

export interface ImportReport {
  added: string[];
  updated: string[];
  unchanged: string[];
}

/** One operation of the journal, as the Requests and Journal screens show it (no secrets, masked params). */
export interface JournalEntryView {
  requestId: string;
  op: string;
  profileId: string | null;
  at: number;
  updatedAt: number;
  state: EntryState;
  params: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { code: string; description: string };
  reason?: string;
}

/**
 * One page of a list, newest first. `nextCursor` asks for the page after it; null when there is none. A page
 * may hold fewer entries than asked for (the preview leaves out other profiles' records) and still go on.
 */
export interface PageView<T> {
  entries: T[];
  nextCursor: string | null;
}

export interface CountView {
  count: number;
}

/**
 * An open operation and when Card Desk asks the bank about it next, in the background (docs/architecture.md,
 * live reconciliation).
 */
export interface OpenCheckView extends JournalEntryView {
  /** When the next check is due (epoch ms); null when it is not checked from here (e.g. its profile is gone). */
  nextCheckAt: number | null;
  /** The number of that check, 1 for the first. */
  attempt: number;
  /** A check is running now. */
  checking: boolean;
}

/** An audited operator action: a reveal, a setting, profile or secret change (never a value). */
export interface AuditEntryView {
  id: string;
  at: number;
  action: string;
  profileId: string | null;
  details: Record<string, unknown>;
}

export interface ReconcileView {
  checked: number;
  settled: { requestId: string; op: string; state: EntryState }[];
  stillOpen: { requestId: string; op: string; state: EntryState }[];
}

export interface CardSecretData {
  pan: string;
  cvv: string;
  expiry: string;
  cardholder_name: string;
}

/** Every Card API outcome as it reaches the renderer: done, failed, pending, unknown or transport. */
export type OperationOutcome<T = Record<string, unknown>> = Outcome<T>;

/** Errors cross the bridge as data: a stable code, an operator-readable message, no stack, no secret. */
export interface ContractError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ContractError };

/**
 * A bulk file checked before anything is sent; `draftId` only when it has no problem. Over the contract,
 * `problems` is the first page of them, `problemCount` counts them all and `reportId` (when there are more)
 * pages through the rest with `bulk.problems`; main's own check (the CLI) holds every problem in `problems`.
 */
export interface BulkValidationReport {
  fileName: string;
  format: BulkFormat | null;
  rows: number;
  /** How many cards a valid file issues: one per client row, or the sum of the cards rows' quantities. */
  cards?: number;
  problems: BulkProblem[];
  problemCount?: number;
  reportId?: string;
  /** The cursor of the second page of problems, with `reportId`. */
  problemsCursor?: string;
  draftId?: string;
}

export interface BulkJobView extends BulkProgress {
  profileId: string;
  format: BulkFormat;
  fileName: string;
  concurrency: number;
  createdAt: number;
  updatedAt: number;
  /** A live process is running it (this app, or a CLI). */
  running: boolean;
}

/** A file main produced for the operator to save (a template). */
export interface FileView {
  fileName: string;
  content: string;
}

/** One part of a file main produces a part at a time (a job's result); null `nextCursor` after the last. */
export interface FilePartView {
  fileName: string;
  text: string;
  nextCursor: string | null;
}

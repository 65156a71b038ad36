// What main answers over the contract: the views the screens show. No secret, no full card number outside
// CardSecretData (which only the audited reveal returns).
import type { BulkFormat } from '../bulk/formats.ts';
import type { BulkProblem } from '../bulk/problems.ts';
import type { BulkProgress } from '../bulk/progress.ts';
import type { Outcome } from '../card-api/outcome.ts';
import type { EntryState } from '../journal/states.ts';
import type { AllowedGroup, Language, LockableSetting, Profile } from '../settings/schema.ts';
import type { ApprovableMethod, Right, Role } from './rights.ts';

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
  /** True while no operator may act: nobody signed in, or the signed-in operator's session is locked. */
  locked: boolean;
  idleLockMinutes: number;
  /** No operator exists and no policy provides one: the renderer asks for the first operator. */
  firstStart: boolean;
  /** Who is signed in (also while their session is locked: only they may sign in again, or switch). */
  operator: (OperatorRef & { roles: Role[] }) | null;
  /** What the signed-in operator may do: the renderer hides the rest (main refuses it anyway). */
  rights: Right[];
  /** Methods that need a second operator's approval on this workstation (the policy's choice). */
  dualControl: ApprovableMethod[];
}

/** An operator as records and the frame name them. */
export interface OperatorRef {
  id: string;
  name: string;
}

export interface OperatorView extends OperatorRef {
  roles: Role[];
  enabled: boolean;
  /** Where the account came from: the policy or a provisioning file (not editable here), or this workstation. */
  source: 'managed' | 'provisioned' | 'workstation';
  createdAt: number;
  /** Wrong secrets have locked the account until then (ms), or null. */
  lockedUntil: number | null;
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
  /** Who asked for the operation and who approved it (dual control); null for records made before operators. */
  operator: OperatorRef | null;
  approver: OperatorRef | null;
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
  operator: OperatorRef | null;
  approver: OperatorRef | null;
}

export interface AuditStatusView {
  /** The keyed hash chain over the audit trail and the journal, as verified at start (or not yet). */
  chain:
    | { state: 'unchecked' }
    | { state: 'whole'; records: number; verifiedAt: number }
    /**
     * Nothing changed that the chain shows, but these runs of links (by their seq in the chain) were sealed
     * while the keychain could not give the chain key: their records are not verified.
     */
    | {
        state: 'unverified';
        records: number;
        runs: { from: number; to: number; sealedAfter: boolean }[];
        verifiedAt: number;
      }
    /**
     * `record` names the first record that does not match: its table and its sequence number; for an archive,
     * the archive file's name as `key` and its link's sequence number in the chain.
     */
    | {
        state: 'broken';
        record: { table: 'audit' | 'operations' | 'archive'; seq: number; key: string };
        verifiedAt: number;
      };
  /** Shipping to the policy's syslog server; `configured` false where no policy names one. */
  shipping: {
    configured: boolean;
    /** Records waiting in the outbox, and since when the oldest waits (ms). */
    pending: number;
    oldestPendingAt: number | null;
    lastShippedAt: number | null;
    /** Why the last attempt failed (a sentence without secrets), or null. */
    lastError: string | null;
    /** The policy's threshold passed: the frame shows that shipping is behind. */
    behind: boolean;
  };
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

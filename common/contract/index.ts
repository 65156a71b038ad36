// THE contract between the renderer and main (ARCHITECTURE.md §3): one named method per operator intent, its
// zod argument schema and its result type, plus the typed events main pushes. Pure: zod, types, and the pure
// schema modules of core (catalog, settings schema). Three transports use it: Electron IPC (preload), the
// browser preview (HTTP), and tests.
import { z } from 'zod';
import * as f from '../card-api/catalog/fields.ts';
import type { ResultOf } from '../card-api/catalog/index.ts';
import { clientDraft } from '../card-api/catalog/payment-cards.ts';
import type { Outcome } from '../card-api/outcome.ts';
import { BULK_FORMATS, type BulkFormat } from '../bulk/formats.ts';
import type { BulkProblem } from '../bulk/problems.ts';
import type { BulkProgress } from '../bulk/progress.ts';
import {
  LANGUAGES,
  LOCKABLE_SETTINGS,
  MAX_IDLE_LOCK_MINUTES,
  OPERATION_GROUPS,
  profileIdSchema,
  profileSchema,
  type AllowedGroup,
  type Language,
  type LockableSetting,
  type Profile,
} from '../settings/schema.ts';

// ---------------------------------------------------------------------------------------------- plumbing

export interface MethodSpec<A extends z.ZodType = z.ZodType, R = unknown> {
  readonly args: A;
  /** Allowed while the session is locked (everything else is refused in main). */
  readonly whileLocked: boolean;
  /** Phantom: the result type, for the typed bridge. */
  readonly result?: R;
}

function method<A extends z.ZodType>(args: A, options: { whileLocked?: boolean } = {}) {
  return { returns: <R>(): MethodSpec<A, R> => ({ args, whileLocked: options.whileLocked ?? false }) };
}

const none = z.strictObject({});
const cardId = f.entityId;
const clientId = f.entityId;
const giftCardId = f.giftCardId;
/** Card PIN as the operator types it: encrypted in main with the profile's PIN key (SPEC §8). */
const pinDigits = z.string().regex(/^\d{4,12}$/, '4 to 12 digits');
/** Operator lock-screen PIN. */
const operatorPin = z.string().regex(/^\d{4,12}$/, '4 to 12 digits');

/** Structured reasons for block / unblock / close; sent as `<reason>: <note>` in `description`. */
export const BLOCK_REASONS = ['lost', 'stolen', 'suspected_fraud', 'client_request', 'other'] as const;
export const UNBLOCK_REASONS = ['found', 'fraud_cleared', 'client_request', 'other'] as const;
export const CLOSE_REASONS = ['client_request', 'fraud', 'expired', 'damaged', 'other'] as const;
const note = z.string().trim().max(200, 'at most 200 characters');
const bulkJobId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'a bulk job id');

export const ENTRY_STATES = ['sending', 'pending', 'done', 'failed', 'unknown', 'not_received'] as const;

// ---------------------------------------------------------------------------------------------- results

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
}

export interface SettingsView {
  values: { idleLockMinutes: number; kiosk: boolean; language: Language; allowedOperations?: AllowedGroup[] };
  locked: LockableSetting[];
  source: Record<LockableSetting, 'managed' | 'provisioned' | 'operator' | 'default'>;
}

export type VaultStatus = 'present' | 'absent' | 'unavailable';

export interface ProfileView extends Profile {
  secret: VaultStatus;
  pinKey: VaultStatus;
  effectiveOperations: AllowedGroup[];
  secretStore: 'keychain' | 'memory';
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

export type EntryState = (typeof ENTRY_STATES)[number];

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

/** Every Card API outcome as it reaches the renderer (SPEC §3): done, failed, pending, unknown or transport. */
export type OperationOutcome<T = Record<string, unknown>> = Outcome<T>;

/** Errors cross the bridge as data: a stable code, an operator-readable message, no stack, no secret. */
export interface ContractError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** A bulk file checked before anything is sent (issue 6); `draftId` only when it has no problem. */
export interface BulkValidationReport {
  fileName: string;
  format: BulkFormat | null;
  rows: number;
  problems: BulkProblem[];
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

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ContractError };

// ---------------------------------------------------------------------------------------------- methods

const profileInput = profileSchema.omit({ embedded: true });
const limitObject = z.strictObject({ type: z.enum(['card', 'account', 'client']), value: f.entityId });
const limitSpec = z.strictObject({
  transactionType: z.string().trim().min(1).max(64),
  period: z.enum(['day', 'month']).optional(),
  max: f.decimalString,
  currency: f.isoCurrency,
});
const dateRange = { from: f.rfc3339.optional(), to: f.rfc3339.optional() };

export const contract = {
  'app.info': method(none, { whileLocked: true }).returns<AppInfo>(),

  'session.state': method(none, { whileLocked: true }).returns<SessionState>(),
  'session.lock': method(none, { whileLocked: true }).returns<SessionState>(),
  'session.unlock': method(z.strictObject({ pin: operatorPin }), { whileLocked: true }).returns<SessionState>(),
  'session.setPin': method(
    z.strictObject({ currentPin: operatorPin.optional(), newPin: operatorPin }),
  ).returns<SessionState>(),
  /** The renderer reports operator activity; the idle timer lives in main. */
  'session.activity': method(none).returns<undefined>(),

  /** Leaves kiosk mode with the policy's admin PIN (8–12 digits); `exited` is false where no kiosk runs. */
  'kiosk.exit': method(z.strictObject({ adminPin: z.string().regex(/^\d{8,12}$/, '8 to 12 digits') })).returns<{
    exited: boolean;
  }>(),

  'settings.get': method(none).returns<SettingsView>(),
  'settings.update': method(
    z.strictObject({
      language: z.enum(LANGUAGES).optional(),
      idleLockMinutes: z.int().min(1).max(MAX_IDLE_LOCK_MINUTES).optional(),
      kiosk: z.boolean().optional(),
    }),
  ).returns<SettingsView>(),

  'profiles.list': method(none).returns<ProfileView[]>(),
  'profiles.switch': method(z.strictObject({ profileId: profileIdSchema })).returns<ProfileView>(),
  'profiles.save': method(z.strictObject({ profile: profileInput })).returns<ProfileView>(),
  'profiles.import': method(
    z.strictObject({ fileName: z.string().min(1).max(255), content: z.string().max(1024 * 1024, 'larger than 1 MB') }),
  ).returns<ImportReport>(),
  'profiles.remove': method(
    z.strictObject({ profileId: profileIdSchema, confirm: z.literal(true) }),
  ).returns<undefined>(),

  'vault.status': method(z.strictObject({ profileId: profileIdSchema })).returns<{
    secret: VaultStatus;
    pinKey: VaultStatus;
    store: 'keychain' | 'memory';
  }>(),
  /** Write-only: there is no method that returns a secret. */
  'vault.setSecret': method(
    z.strictObject({ profileId: profileIdSchema, secret: z.string().min(1, 'must not be empty').max(4096) }),
  ).returns<{ secret: VaultStatus }>(),
  'vault.clearSecret': method(z.strictObject({ profileId: profileIdSchema })).returns<{ secret: VaultStatus }>(),
  'vault.createPinKey': method(z.strictObject({ profileId: profileIdSchema })).returns<{ pinKey: VaultStatus }>(),
  'vault.testConnection': method(z.strictObject({ profileId: profileIdSchema })).returns<ConnectionTest>(),

  'clients.create': method(z.strictObject({ draft: clientDraft })).returns<OperationOutcome>(),
  'clients.updatePhone': method(
    z.strictObject({ clientId, productId: f.productId, phone: f.phoneDigits }),
  ).returns<OperationOutcome>(),
  'clients.cards': method(z.strictObject({ clientId })).returns<OperationOutcome<ResultOf<'client.cards'>>>(),

  'cards.issue': method(z.strictObject({ clientId })).returns<OperationOutcome>(),
  'cards.issuePlastic': method(
    z.strictObject({
      clientId,
      embossedName: z
        .string()
        .trim()
        .max(26)
        .regex(/^[A-Z][A-Z' -]*$/, 'upper-case Latin letters only'),
      branchId: z.string().trim().min(1).max(32).optional(),
    }),
  ).returns<OperationOutcome>(),
  'cards.link': method(z.strictObject({ clientId, cardId })).returns<OperationOutcome>(),
  'cards.info': method(z.strictObject({ cardId })).returns<OperationOutcome<ResultOf<'card.info'>>>(),
  'cards.balance': method(z.strictObject({ cardId })).returns<OperationOutcome<ResultOf<'card.balance'>>>(),
  'cards.activate': method(z.strictObject({ cardId })).returns<OperationOutcome>(),
  'cards.block': method(z.strictObject({ cardId, reason: z.enum(BLOCK_REASONS), note })).returns<OperationOutcome>(),
  'cards.unblock': method(
    z.strictObject({ cardId, reason: z.enum(UNBLOCK_REASONS), note }),
  ).returns<OperationOutcome>(),
  /** Without `pin` the processor generates one (SPEC §8). */
  'cards.setPin': method(z.strictObject({ cardId, pin: pinDigits.optional() })).returns<OperationOutcome>(),
  'cards.resetPinCounter': method(z.strictObject({ cardId })).returns<OperationOutcome>(),
  /** Irreversible: the renderer must have had the operator type a confirmation. */
  'cards.close': method(
    z.strictObject({ cardId, reason: z.enum(CLOSE_REASONS), note, confirm: z.literal(true) }),
  ).returns<OperationOutcome>(),
  'cards.identify': method(
    z.strictObject({ cardId, idnDate: f.rfc3339, identifiedBy: z.string().trim().min(1).max(128) }),
  ).returns<OperationOutcome>(),
  'cards.statement': method(z.strictObject({ cardId, ...dateRange })).returns<
    OperationOutcome<ResultOf<'card.statement'>>
  >(),
  'cards.statementExtended': method(z.strictObject({ cardId, from: f.rfc3339, to: f.rfc3339 })).returns<
    OperationOutcome<ResultOf<'card.statementExtended'>>
  >(),
  /** Audited before the call; main turns content protection on until concealSecret or lock (ARCHITECTURE §4). */
  'cards.revealSecret': method(z.strictObject({ cardId })).returns<OperationOutcome<CardSecretData>>(),
  'cards.concealSecret': method(none, { whileLocked: true }).returns<undefined>(),

  'limits.list': method(z.strictObject({ object: limitObject })).returns<OperationOutcome<ResultOf<'limits.list'>>>(),
  'limits.set': method(
    z.strictObject({ object: limitObject, limits: z.array(limitSpec).min(1) }),
  ).returns<OperationOutcome>(),

  'gift.products': method(none).returns<OperationOutcome<ResultOf<'gift.products'>>>(),
  'gift.issue': method(
    z.strictObject({
      cardholderName: z.string().trim().min(1).max(64),
      phone: f.phoneDigits,
      productCode: z.int().positive(),
      cardId: giftCardId.optional(),
    }),
  ).returns<OperationOutcome<ResultOf<'gift.issue'>>>(),
  'gift.confirm': method(
    z.strictObject({ cardId: giftCardId, otp: z.string().regex(/^\d{4,8}$/, 'the one-time code is 4 to 8 digits') }),
  ).returns<OperationOutcome<ResultOf<'gift.confirm'>>>(),
  'gift.resend': method(z.strictObject({ cardId: giftCardId })).returns<OperationOutcome>(),
  'gift.resendCode': method(z.strictObject({ cardId: giftCardId })).returns<OperationOutcome>(),
  'gift.status': method(z.strictObject({ cardId: giftCardId })).returns<OperationOutcome<ResultOf<'gift.status'>>>(),

  'requests.list': method(
    z.strictObject({ states: z.array(z.enum(ENTRY_STATES)).optional(), limit: z.int().min(1).max(100_000).optional() }),
  ).returns<JournalEntryView[]>(),
  'requests.recheck': method(z.strictObject({ requestId: z.string().min(1).max(64) })).returns<JournalEntryView>(),
  'requests.reconcileAll': method(none).returns<ReconcileView>(),

  'journal.search': method(
    z.strictObject({
      from: z.number().optional(),
      to: z.number().optional(),
      op: z.string().max(64).optional(),
      states: z.array(z.enum(ENTRY_STATES)).optional(),
      profileId: profileIdSchema.optional(),
      text: z.string().max(200).optional(),
      offset: z.int().min(0).optional(),
      limit: z.int().min(1).max(100_000).optional(),
    }),
  ).returns<{ entries: JournalEntryView[]; total: number }>(),
  /** A template of a bulk format (header and example rows). */
  'bulk.template': method(z.strictObject({ format: z.enum(BULK_FORMATS) })).returns<{
    fileName: string;
    content: string;
  }>(),
  /** Checks a whole file (bytes as base64: the encoding is checked, not guessed); nothing is sent. */
  'bulk.validate': method(
    z.strictObject({
      fileName: z.string().min(1).max(255),
      contentBase64: z.base64().max(40 * 1024 * 1024, 'larger than 30 MB'),
    }),
  ).returns<BulkValidationReport>(),
  /** Starts a job from a validated file for the active profile. */
  'bulk.start': method(
    z.strictObject({ draftId: z.uuid(), concurrency: z.int().min(1).max(32).optional() }),
  ).returns<BulkJobView>(),
  'bulk.list': method(none).returns<BulkJobView[]>(),
  'bulk.get': method(z.strictObject({ jobId: bulkJobId })).returns<BulkJobView>(),
  'bulk.pause': method(z.strictObject({ jobId: bulkJobId })).returns<BulkJobView>(),
  'bulk.resume': method(z.strictObject({ jobId: bulkJobId })).returns<BulkJobView>(),
  /** Rows not started are never sent; rows in flight finish. */
  'bulk.cancel': method(z.strictObject({ jobId: bulkJobId, confirm: z.literal(true) })).returns<BulkJobView>(),
  /** The result file: input columns plus outcome columns, masked card numbers only. */
  'bulk.result': method(z.strictObject({ jobId: bulkJobId })).returns<{ fileName: string; content: string }>(),

  'journal.audit': method(
    z.strictObject({
      from: z.number().optional(),
      to: z.number().optional(),
      action: z.string().max(64).optional(),
      limit: z.int().min(1).max(100_000).optional(),
    }),
  ).returns<AuditEntryView[]>(),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>;
export type ParsedArgsOf<M extends MethodName> = z.output<Contract[M]['args']>;
export type ResultOfMethod<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer R> ? R : never;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

// ---------------------------------------------------------------------------------------------- events

export interface EventPayloads {
  /** An operation of the journal changed state (new, settled, reconciled). */
  'requests.changed': { requestId: string; op: string; state: EntryState };
  'session.lockChanged': { locked: boolean; reason: 'operator' | 'idle' | 'os' | 'unlock' };
  'profiles.switched': { profileId: string };
  /** A bulk job moved: counts, rate, time left (at most a few times a second). */
  'bulk.progress': BulkProgress;
}
export type EventName = keyof EventPayloads;
export const EVENT_NAMES: EventName[] = [
  'requests.changed',
  'session.lockChanged',
  'profiles.switched',
  'bulk.progress',
];

// ---------------------------------------------------------------------------------------------- the bridge type

type GroupOf<M extends string> = M extends `${infer G}.${string}` ? G : never;

/** `window.cardDesk`: `cardDesk.cards.block({...})`, `cardDesk.on('requests.changed', fn)` → unsubscribe. */
export type CardDeskApi = {
  [G in GroupOf<MethodName>]: {
    [M in MethodName as M extends `${G}.${infer N}` ? N : never]: (args: ArgsOf<M>) => Promise<ResultOfMethod<M>>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

/** IPC channel of a method, and of an event. */
export const channelOf = (name: MethodName): string => `card-desk:${name}`;
export const eventChannelOf = (name: EventName): string => `card-desk:event:${name}`;

/** Splits `cards.block` into its group and name, for building the nested bridge object. */
export function splitMethod(name: MethodName): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}

/** Thrown on the renderer side when main answers `{ok: false}`. */
export class CardDeskError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  constructor(error: ContractError) {
    super(error.message);
    this.name = 'CardDeskError';
    this.code = error.code;
    this.details = error.details;
  }
}

// Shapes and dictionaries the screens use (the renderer imports nothing from main, only this contract).
export type CardView = z.infer<typeof f.card>;
export type AccountView = z.infer<typeof f.account>;
export type StatementOperation = z.infer<typeof f.operation>;
export type LimitView = z.infer<typeof f.limit>;
export type GiftProduct = ResultOf<'gift.products'>['product_list'][number];
export type GiftCardState = ResultOf<'gift.status'>;
export type ClientDraft = z.input<typeof clientDraft>;
export const CARD_STATUSES = f.CARD_STATUSES;
export const CLIENT_PRODUCTS = f.CLIENT_PRODUCTS;
export const GIFT_CARD_STATUSES = f.GIFT_CARD_STATUSES;
export const LIMIT_TRANSACTION_TYPES = f.LIMIT_TRANSACTION_TYPES;
export const MAX_DOCUMENT_BYTES = f.MAX_DOCUMENT_BYTES;

export { LANGUAGES, LOCKABLE_SETTINGS, OPERATION_GROUPS, clientDraft };
export { BULK_FORMATS };
export type { BulkFormat, BulkProblem, BulkProgress };
export type { AllowedGroup, Language, LockableSetting };

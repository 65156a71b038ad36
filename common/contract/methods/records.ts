// The journal of operations, the audit trail and bulk issuance jobs.
import { z } from 'zod';
import { BULK_FORMATS } from '../../bulk/formats.ts';
import { ENTRY_STATES } from '../../journal/states.ts';
import { profileIdSchema } from '../../settings/schema.ts';
import { method } from '../method.ts';
import { approvalSchema, operatorIdSchema } from '../rights.ts';
import type { BulkProblem } from '../../bulk/problems.ts';
import type {
  AuditEntryView,
  AuditStatusView,
  BulkJobView,
  BulkValidationReport,
  CountView,
  FilePartView,
  FileView,
  JournalEntryView,
  OpenCheckView,
  PageView,
  ReconcileView,
} from '../views.ts';
import { none } from './shared.ts';

const bulkJobId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'a bulk job id');
const onJob = z.strictObject({ jobId: bulkJobId });
const journal = (target: 'listed' | 'request' | 'open', right: 'journal' | 'audit' | 'requests.check' = 'journal') =>
  ({ scope: 'journal', target, right }) as const;
const bulk = (target: 'active' | 'job' | 'listed') => ({ scope: 'bulk', target, right: 'bulk' }) as const;

/** The page size a list asks for when it names none, and the most one page may hold. */
export const PAGE_LIMIT = 100;
export const MAX_PAGE_LIMIT = 500;
/** A page: `cursor` is the previous answer's `nextCursor` (opaque), absent or null for the first page. */
const page = {
  cursor: z.string().min(1).max(512).nullable().optional(),
  limit: z.int().min(1).max(MAX_PAGE_LIMIT).default(PAGE_LIMIT),
};
/** Input rows per part of a job's result file. */
export const MAX_RESULT_ROWS = 2000;
const op = z.string().max(64).optional();
const text = z.string().max(200).optional();
/** Records one operator made or approved. */
const operatorId = operatorIdSchema.optional();
const entryQuery = {
  from: z.number().optional(),
  to: z.number().optional(),
  op,
  states: z.array(z.enum(ENTRY_STATES)).optional(),
  profileId: profileIdSchema.optional(),
  text,
  /** Operations on one card or one client: a card's timeline, a client's history. */
  cardId: z.string().min(1).max(64).optional(),
  clientId: z.string().min(1).max(64).optional(),
  operatorId,
};

export const recordMethods = {
  /** Operations newest first, one page at a time (docs/architecture.md, paged lists). */
  'requests.list': method(
    z.strictObject({ states: z.array(z.enum(ENTRY_STATES)).optional(), op, text, operatorId, ...page }),
    journal('listed'),
  ).returns<PageView<JournalEntryView>>(),
  'requests.recheck': method(
    z.strictObject({ requestId: z.string().min(1).max(64) }),
    journal('request', 'requests.check'),
  ).returns<JournalEntryView>(),
  'requests.reconcileAll': method(none, journal('open', 'requests.check')).returns<ReconcileView>(),
  /** Open operations with their next background check, oldest first (docs/architecture.md, live reconciliation). */
  'requests.checks': method(
    // Narrowed to the operations on one card or one client (their journalled card_id, client_id or object).
    z.strictObject({ cardId: z.string().min(1).max(64).optional(), clientId: z.string().min(1).max(64).optional() }),
    journal('listed'),
  ).returns<OpenCheckView[]>(),

  'journal.search': method(z.strictObject({ ...entryQuery, ...page }), journal('listed')).returns<
    PageView<JournalEntryView>
  >(),
  /** How many operations match, for "N of M" and "nothing yet" against "nothing matches". */
  'journal.count': method(z.strictObject(entryQuery), journal('listed')).returns<CountView>(),
  'journal.audit': method(
    z.strictObject({ from: z.number().optional(), to: z.number().optional(), action: op, operatorId, ...page }),
    journal('listed', 'audit'),
  ).returns<PageView<AuditEntryView>>(),

  /**
   * Whether the audit chain was whole when last verified (at start) and how far shipping to the bank's log
   * server is: the frame warns on a break and when shipping is behind.
   */
  'audit.status': method(none, { scope: 'app', right: 'signedIn' }).returns<AuditStatusView>(),

  /** A template of a bulk format (header and example rows); no profile is involved. */
  'bulk.template': method(z.strictObject({ format: z.enum(BULK_FORMATS) }), bulk('active')).returns<FileView>(),
  /** Checks a whole file (bytes as base64: the encoding is checked, not guessed); nothing is sent. */
  'bulk.validate': method(
    z.strictObject({
      fileName: z.string().min(1).max(255),
      contentBase64: z.base64().max(40 * 1024 * 1024, 'larger than 30 MB'),
    }),
    bulk('active'),
  ).returns<BulkValidationReport>(),
  /** The problems of a checked file, a page at a time (`reportId` from `bulk.validate`). */
  'bulk.problems': method(z.strictObject({ reportId: z.uuid(), ...page }), bulk('active')).returns<
    PageView<BulkProblem>
  >(),
  /** Starts a job from a validated file for the active profile. */
  'bulk.start': method(
    z.strictObject({
      draftId: z.uuid(),
      concurrency: z.int().min(1).max(32).optional(),
      approval: approvalSchema.optional(),
    }),
    bulk('active'),
  ).returns<BulkJobView>(),
  'bulk.list': method(none, bulk('listed')).returns<BulkJobView[]>(),
  'bulk.get': method(onJob, bulk('job')).returns<BulkJobView>(),
  'bulk.pause': method(onJob, bulk('job')).returns<BulkJobView>(),
  'bulk.resume': method(onJob, bulk('job')).returns<BulkJobView>(),
  /** Rows not started are never sent; rows in flight finish. */
  'bulk.cancel': method(
    z.strictObject({ jobId: bulkJobId, confirm: z.literal(true) }),
    bulk('job'),
  ).returns<BulkJobView>(),
  /**
   * The result file, a part at a time (`limit` input rows per part): input columns plus outcome columns, masked
   * card numbers only. The parts, in order, are the file.
   */
  'bulk.result': method(
    z.strictObject({
      jobId: bulkJobId,
      cursor: page.cursor,
      limit: z.int().min(1).max(MAX_RESULT_ROWS).default(MAX_RESULT_ROWS),
    }),
    bulk('job'),
  ).returns<FilePartView>(),
} as const;

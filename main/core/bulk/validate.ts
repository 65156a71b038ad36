// Validates a whole bulk file before anything is sent: encoding, separator, header, then every row
// against the same schemas the client sends with (catalog). Every problem is listed with its row and column;
// a file with any problem yields no rows to run.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { operations } from '../../../common/card-api/catalog/index.ts';
import { clientDraft } from '../../../common/card-api/catalog/payment-cards.ts';
import { readCsv, type CsvRow } from './csv-read.ts';
import {
  ADDRESS_FIELD,
  columnsOf,
  FORMATS,
  formatOfHeader,
  type AddressPart,
  type BulkFormat,
} from '../../../common/bulk/formats.ts';
import { phoneDigitsOf } from './phone.ts';
import { problem, type BulkProblem, type ProblemCode } from '../../../common/bulk/problems.ts';
import { INPUT_PROBLEM } from '../../../common/card-api/catalog/fields.ts';

export type ClientDraftBody = z.output<typeof clientDraft>;
/** A parsed card.issueBulk body: the product ids come from the catalog. */
type BulkCardsBody = z.output<(typeof operations)['card.issueBulk']['request']>;
export type CardRequest = { kind: 'virtual' } | { kind: 'plastic'; embossedName: string; branchId?: string };

export type RowInput =
  | { format: 'clients'; draft: ClientDraftBody; card: CardRequest }
  | { format: 'cards'; productId: BulkCardsBody['product_id']; quantity: number };

export interface ValidRow {
  row: number;
  /** The row as it was in the file (for the result file). */
  values: Record<string, string>;
  input: RowInput;
}

export interface Validation {
  format: BulkFormat | null;
  header: string[];
  rows: ValidRow[];
  problems: BulkProblem[];
}

/** Optional columns that are client fields of the same name (the address columns are assembled apart). */
const CLIENT_FIELDS = FORMATS.clients.optional.filter((column) =>
  Object.hasOwn(clientDraft.shape.client.shape, column),
);
const INT = /^\d{1,9}$/;
const placeholderId = randomUUID();

/** The CSV column a schema issue path points at. */
function columnOf(path: readonly PropertyKey[]): string {
  const [first, second, third] = path.map(String);
  if (first === 'client' && (second === 'address1' || second === 'address2') && third !== undefined) {
    const part = (Object.keys(ADDRESS_FIELD) as AddressPart[]).find((p) => ADDRESS_FIELD[p] === third);
    return `${second}_${part ?? third}`;
  }
  if (first === 'client' && second !== undefined) return second;
  if (first === 'embossed_name') return 'embossed_name';
  if (first === 'branch_id' && path.length === 1) return 'branch_id';
  return first ?? '(row)';
}

/** The input checks of the catalog's fields that have a code of their own (docs/bulk.md, problems). */
const PROBLEM_OF_MESSAGE = new Map<string, ProblemCode>([
  [INPUT_PROBLEM.country, 'country'],
  [INPUT_PROBLEM.birthdateFuture, 'birthdate_future'],
  [INPUT_PROBLEM.birthdateTooEarly, 'birthdate_too_early'],
]);

function schemaProblems(row: number, error: z.ZodError, rename: (column: string) => string = (c) => c): BulkProblem[] {
  return error.issues.map((issue) => {
    const column = rename(columnOf(issue.path));
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    if (missing) return problem(row, column, 'required', 'required');
    return problem(row, column, PROBLEM_OF_MESSAGE.get(issue.message) ?? 'invalid', issue.message);
  });
}

/** A column already reported (not a number, not a phone) is not reported again by the schema. */
function newColumns(found: BulkProblem[], more: BulkProblem[]): BulkProblem[] {
  const reported = new Set(found.map((p) => p.field));
  return more.filter((p) => !reported.has(p.field));
}

function intOrProblem(row: CsvRow, column: string, problems: BulkProblem[]): number | undefined {
  const text = row.values[column] ?? '';
  if (text === '') return undefined; // the schema reports it as required
  if (!INT.test(text)) {
    problems.push(problem(row.row, column, 'invalid', 'must be a whole number'));
    return undefined;
  }
  return Number(text);
}

function address(values: Record<string, string>, prefix: 'address1' | 'address2'): Record<string, string> | undefined {
  const entries = (Object.keys(ADDRESS_FIELD) as AddressPart[])
    .map((part) => [ADDRESS_FIELD[part], values[`${prefix}_${part}`] ?? ''] as const)
    .filter(([, value]) => value !== '');
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

function clientRow(row: CsvRow, problems: BulkProblem[]): RowInput | undefined {
  const found: BulkProblem[] = [];
  const v = row.values;
  const productId = intOrProblem(row, 'product_id', found);
  if (productId === 1000) {
    problems.push(
      problem(
        row.row,
        'product_id',
        'product_needs_document',
        'product 1000 (Freedom Wallet Card) needs an identity document scan: create such clients one by one',
      ),
    );
    return undefined;
  }
  const phoneText = v.phone ?? '';
  const phone = phoneText === '' ? undefined : phoneDigitsOf(phoneText);
  if (phoneText !== '' && phone === undefined) {
    found.push(problem(row.row, 'phone', 'phone', 'not a valid phone number of Kazakhstan, Kyrgyzstan or Uzbekistan'));
  }
  const client: Record<string, unknown> = {
    phone,
    type: intOrProblem(row, 'type', found),
    resident: intOrProblem(row, 'resident', found),
    first_name: v.first_name === '' ? undefined : v.first_name,
    last_name: v.last_name === '' ? undefined : v.last_name,
  };
  for (const field of CLIENT_FIELDS) if ((v[field] ?? '') !== '') client[field] = v[field];
  for (const prefix of ['address1', 'address2'] as const) {
    const a = address(v, prefix);
    if (a !== undefined) client[prefix] = a;
  }
  const draft = {
    product_id: productId,
    ...((v.branch_id ?? '') === '' ? {} : { branch_id: v.branch_id }),
    client,
  };
  const parsed = clientDraft.safeParse(draft);
  if (!parsed.success) found.push(...newColumns(found, schemaProblems(row.row, parsed.error)));
  const card = cardRequest(row, found);
  problems.push(...found);
  if (found.length > 0 || !parsed.success || card === undefined) return undefined;
  return { format: 'clients', draft: parsed.data, card };
}

function cardRequest(row: CsvRow, problems: BulkProblem[]): CardRequest | undefined {
  const kind = (row.values.card_kind ?? '').toLowerCase();
  if (kind === 'virtual') return { kind: 'virtual' };
  if (kind !== 'plastic') {
    problems.push(
      kind === ''
        ? problem(row.row, 'card_kind', 'required', 'required')
        : problem(row.row, 'card_kind', 'invalid', 'virtual or plastic'),
    );
    return undefined;
  }
  const embossedName = row.values.embossed_name ?? '';
  const branchId = row.values.card_branch_id ?? '';
  // The exact body card.issuePlastic sends, with placeholder ids: one schema decides.
  const parsed = operations['card.issuePlastic'].request.safeParse({
    request_id: placeholderId,
    client_id: 'placeholder',
    embossed_name: embossedName === '' ? undefined : embossedName,
    ...(branchId === '' ? {} : { branch_id: branchId }),
  });
  if (!parsed.success) {
    problems.push(...schemaProblems(row.row, parsed.error, (c) => (c === 'branch_id' ? 'card_branch_id' : c)));
    return undefined;
  }
  return { kind: 'plastic', embossedName, ...(branchId === '' ? {} : { branchId }) };
}

function cardsRow(row: CsvRow, problems: BulkProblem[]): RowInput | undefined {
  const found: BulkProblem[] = [];
  const productId = intOrProblem(row, 'product_id', found);
  const quantity = intOrProblem(row, 'quantity', found);
  const parsed = operations['card.issueBulk'].request.safeParse({
    request_id: placeholderId,
    product_id: productId,
    quantity,
  });
  if (!parsed.success) found.push(...newColumns(found, schemaProblems(row.row, parsed.error)));
  problems.push(...found);
  if (found.length > 0 || !parsed.success) return undefined;
  return { format: 'cards', productId: parsed.data.product_id, quantity: parsed.data.quantity };
}

function headerProblems(header: string[], format: BulkFormat): BulkProblem[] {
  const problems: BulkProblem[] = [];
  const known = new Set(columnsOf(format));
  const seen = new Set<string>();
  for (const column of header) {
    if (seen.has(column)) problems.push(problem(1, column, 'duplicate_column', 'this column appears twice'));
    seen.add(column);
    if (!known.has(column))
      problems.push(problem(1, column, 'unknown_column', `not a column of the ${format} format`, { format }));
  }
  for (const column of FORMATS[format].required) {
    if (!seen.has(column)) problems.push(problem(1, column, 'missing_column', 'required column missing'));
  }
  return problems;
}

/** The same client twice in one file would be created twice: refused (same phone or national id). */
function duplicateClients(rows: ValidRow[]): BulkProblem[] {
  const problems: BulkProblem[] = [];
  const phones = new Map<number, number>();
  const ids = new Map<string, number>();
  for (const { row, input } of rows) {
    if (input.format !== 'clients') continue;
    const { phone, person_id: personId } = input.draft.client;
    const earlier = phones.get(phone);
    if (earlier !== undefined) {
      problems.push(
        problem(row, 'phone', 'duplicate_client', `the same phone as row ${String(earlier)}`, { earlierRow: earlier }),
      );
    } else phones.set(phone, row);
    if (personId !== undefined) {
      const first = ids.get(personId);
      if (first !== undefined) {
        problems.push(
          problem(row, 'person_id', 'duplicate_client', `the same national id as row ${String(first)}`, {
            earlierRow: first,
          }),
        );
      } else ids.set(personId, row);
    }
  }
  return problems;
}

export function validateBulkFile(bytes: Uint8Array): Validation {
  const read = readCsv(bytes);
  if (!read.ok) return { format: null, header: [], rows: [], problems: read.problems };
  const { header } = read.table;
  const format = formatOfHeader(header);
  if (format === undefined) {
    return {
      format: null,
      header,
      rows: [],
      problems: [
        problem(
          1,
          null,
          'unknown_format',
          'the header matches neither format: start from a template (clients or cards)',
        ),
      ],
    };
  }
  const fromHeader = headerProblems(header, format);
  if (fromHeader.length > 0) return { format, header, rows: [], problems: fromHeader };
  const problems: BulkProblem[] = [];
  const rows: ValidRow[] = [];
  for (const row of read.table.rows) {
    const input = format === 'clients' ? clientRow(row, problems) : cardsRow(row, problems);
    if (input !== undefined) rows.push({ row: row.row, values: row.values, input });
  }
  problems.push(...duplicateClients(rows));
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { format, header, rows: problems.length === 0 ? rows : [], problems };
}

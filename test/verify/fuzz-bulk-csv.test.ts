// Fuzzing bulk CSV validation: validateBulkFile on anything never throws; its problems are well-formed; it returns
// rows only for a clean file, and every row is schema-valid. Every property has a fixed seed (fast-check prints
// seed and counterexample on failure). Records `inputsFuzzed` and `crashes` (throws) in figures.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { validateBulkFile } from '../../main/core/bulk/validate.ts';
import { PROBLEM_CODES } from '../../common/bulk/problems.ts';
import { operations } from '../../common/card-api/catalog/index.ts';
import { clientDraft } from '../../common/card-api/catalog/payment-cards.ts';
import { nearValidCsv } from './fuzz-files.ts';
import { fail, recordFuzzFigures, tally } from './fuzz-tally.ts';

/** The seed of the first property, the next ones count up; a failure prints it with the counterexample. */
const SEED = 0x7_0004;
const T = tally();
let detail = 'bulk CSV validation: not run';

afterAll(() => {
  recordFuzzFigures('fuzz-bulk-csv', [T], [detail]);
});

describe('fuzz: bulk CSV validation', () => {
  const csv = { withRows: 0, withProblems: 0, rows: 0, codes: new Set<string>() };
  const placeholder = randomUUID();

  function check(bytes: Uint8Array): void {
    T.inputs++;
    let result: ReturnType<typeof validateBulkFile>;
    try {
      result = validateBulkFile(bytes);
    } catch (error) {
      fail(T, true, [`threw: ${String(error)}`]);
      return;
    }
    const problems: string[] = [];
    for (const p of result.problems) {
      csv.codes.add(p.code);
      if (!(p.row === null || (Number.isInteger(p.row) && p.row >= 1))) problems.push(`row ${String(p.row)}`);
      if (!(p.field === null || typeof p.field === 'string')) problems.push(`field ${String(p.field)}`);
      if (!(PROBLEM_CODES as readonly string[]).includes(p.code)) problems.push(`code ${p.code}`);
      if (typeof p.message !== 'string' || p.message.trim() === '') problems.push('empty message');
    }
    if (result.problems.length > 0) {
      csv.withProblems++;
      if (result.rows.length > 0) problems.push('rows returned along with problems');
    } else if (result.rows.length > 0) csv.withRows++;
    for (const row of result.rows) {
      csv.rows++;
      const input = row.input;
      if (input.format === 'clients') {
        if (!clientDraft.safeParse(input.draft).success)
          problems.push(`row ${String(row.row)}: draft fails the schema`);
        if (input.card.kind === 'plastic') {
          const body = {
            request_id: placeholder,
            client_id: 'c',
            embossed_name: input.card.embossedName,
            ...(input.card.branchId === undefined ? {} : { branch_id: input.card.branchId }),
          };
          if (!operations['card.issuePlastic'].request.safeParse(body).success)
            problems.push(`row ${String(row.row)}: plastic card request fails the schema`);
        }
      } else {
        const body = { request_id: placeholder, product_id: input.productId, quantity: input.quantity };
        if (!operations['card.issueBulk'].request.safeParse(body).success)
          problems.push(`row ${String(row.row)}: card.issueBulk request fails the schema`);
      }
    }
    fail(T, false, problems);
  }

  it('never throws on arbitrary bytes and strings', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        check(bytes);
      }),
      { seed: SEED, numRuns: 1_000 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: 'binary', maxLength: 500 })), (text) => {
        check(Buffer.from(text, 'utf8'));
      }),
      { seed: SEED + 1, numRuns: 1_000 },
    );
  });

  it('reports well-formed problems on near-valid files, and returns only schema-valid rows', () => {
    fc.assert(
      fc.property(nearValidCsv, (text) => {
        check(Buffer.from(text, 'utf8'));
      }),
      { seed: SEED + 2, numRuns: 2_500 },
    );
    expect(
      csv.withRows,
      'some near-valid files must come back clean (else the rows check proves nothing)',
    ).toBeGreaterThan(0);
    detail =
      `bulk CSV validation: ${String(T.inputs)} inputs (bytes, strings, template mutations), ${String(csv.withProblems)} with problems, ` +
      `${String(csv.withRows)} clean files (${String(csv.rows)} rows, all schema-valid), ${String(T.crashes)} throws, ` +
      `codes: ${[...csv.codes].sort().join(' ')}`;
  });
});

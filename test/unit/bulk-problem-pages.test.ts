// The problems of a checked bulk file, a page at a time: the report carries the first page and the count, the
// cursor walks the rest once, in order; a report no longer held and a forged cursor are refused.
import { describe, expect, it } from 'vitest';
import { problem, type BulkProblem } from '../../common/bulk/problems.ts';
import type { BulkValidationReport } from '../../common/contract/index.ts';
import { ProblemPages } from '../../main/core/bulk/problem-pages.ts';

const problems: BulkProblem[] = Array.from({ length: 1234 }, (_, i) =>
  problem(i + 2, 'phone', 'phone', `row ${String(i + 2)}`),
);
const report: BulkValidationReport = { fileName: 'big.csv', format: 'clients', rows: 10_000, problems };

describe('problem pages', () => {
  it('answers the first page with the report and walks the rest once, in order', () => {
    const pages = new ProblemPages();
    const first = pages.firstPage(report, 100);
    expect(first.problems).toHaveLength(100);
    expect(first.problemCount).toBe(1234);
    const seen = [...first.problems];
    let cursor = first.problemsCursor ?? null;
    while (cursor !== null) {
      const page = pages.page(first.reportId ?? '', cursor, 500);
      seen.push(...page.entries);
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(problems);
  });

  it('answers a file whose problems fit one page whole, with no further page', () => {
    const pages = new ProblemPages();
    const small = pages.firstPage({ ...report, problems: problems.slice(0, 3) }, 100);
    expect(small).toMatchObject({ problemCount: 3, problems: problems.slice(0, 3) });
    expect(small.problemsCursor).toBeUndefined();
    const clean = pages.firstPage({ ...report, problems: [] }, 100);
    expect(clean).toMatchObject({ problemCount: 0, problems: [] });
    expect(clean.reportId).toBeUndefined();
  });

  it('refuses a report past its hour, and a cursor it did not give', () => {
    let now = 0;
    const pages = new ProblemPages(() => now);
    const { reportId = '' } = pages.firstPage(report, 100);
    expect(() => pages.page(reportId, '99999', 10)).toThrow(expect.objectContaining({ code: 'invalid_arguments' }));
    expect(() => pages.page(reportId, '-1', 10)).toThrow(expect.objectContaining({ code: 'invalid_arguments' }));
    now = 61 * 60_000;
    expect(() => pages.page(reportId, null, 10)).toThrow(expect.objectContaining({ code: 'bulk_draft_expired' }));
  });
});

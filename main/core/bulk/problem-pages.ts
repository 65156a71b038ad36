// The problems of checked files, held in main for an hour so that the screen reads them a page at a time: a
// 10,000-row file can have tens of thousands (docs/bulk.md, checking a file). The cursor is the offset of the
// next problem; the list does not change once checked.
import { randomUUID } from 'node:crypto';
import type { BulkProblem } from '../../../common/bulk/problems.ts';
import type { BulkValidationReport, PageView } from '../../../common/contract/index.ts';
import { DeskError } from '../errors.ts';
import { offsetOf } from './offset-cursor.ts';

const REPORT_TTL_MS = 60 * 60_000;
/** Reports held at once: an operator checks one file at a time; older ones go first. */
const MAX_REPORTS = 8;

export class ProblemPages {
  private readonly reports = new Map<string, { problems: BulkProblem[]; at: number }>();
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /** The report as the contract answers it: the first page of problems, and an id for the rest. */
  firstPage(report: BulkValidationReport, limit: number): BulkValidationReport {
    const { problems } = report;
    if (problems.length === 0) return { ...report, problemCount: 0 };
    // Every report with problems gets its own id: the screen keys its pages by it.
    this.forgetOld();
    const reportId = randomUUID();
    this.reports.set(reportId, { problems, at: this.now() });
    const first = { ...report, problems: problems.slice(0, limit), problemCount: problems.length, reportId };
    return problems.length > limit ? { ...first, problemsCursor: String(limit) } : first;
  }

  page(reportId: string, cursor: string | null | undefined, limit: number): PageView<BulkProblem> {
    const held = this.reports.get(reportId);
    if (held === undefined || held.at < this.now() - REPORT_TTL_MS) {
      throw new DeskError('bulk_draft_expired', 'the checked file is no longer held: load it again');
    }
    const from = offsetOf(cursor, held.problems.length);
    const to = Math.min(held.problems.length, from + limit);
    return { entries: held.problems.slice(from, to), nextCursor: to < held.problems.length ? String(to) : null };
  }

  private forgetOld(): void {
    for (const [id, held] of this.reports) if (held.at < this.now() - REPORT_TTL_MS) this.reports.delete(id);
    const ids = [...this.reports.keys()];
    for (const id of ids.slice(0, Math.max(0, ids.length - MAX_REPORTS + 1))) this.reports.delete(id);
  }
}

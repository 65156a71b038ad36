// The bulk methods of the contract over the bulk service: validation reports paged, jobs started, paused,
// resumed and cancelled (audited), the result file read in parts (docs/bulk.md).
import { PAGE_LIMIT, type ParsedArgsOf, type ResultOfMethod } from '../../../common/contract/index.ts';
import { templateCsv, type BulkService } from '../bulk/index.ts';
import { offsetOf } from '../bulk/offset-cursor.ts';
import { ProblemPages } from '../bulk/problem-pages.ts';
import { resultCsvPart, resultFileName } from '../bulk/result-file.ts';
import type { Desk } from '../desk.ts';

type BulkMethod =
  | 'bulk.template'
  | 'bulk.validate'
  | 'bulk.problems'
  | 'bulk.start'
  | 'bulk.list'
  | 'bulk.get'
  | 'bulk.pause'
  | 'bulk.resume'
  | 'bulk.cancel'
  | 'bulk.result';
type BulkHandlers = { [M in BulkMethod]: (args: ParsedArgsOf<M>) => Promise<ResultOfMethod<M>> };

export function bulkHandlers(desk: Desk, bulk: BulkService, active: () => string): BulkHandlers {
  const problems = new ProblemPages();
  return {
    'bulk.template': ({ format }) =>
      Promise.resolve({ fileName: `card-desk-${format}-template.csv`, content: templateCsv(format) }),
    'bulk.validate': ({ fileName, contentBase64 }) =>
      Promise.resolve(problems.firstPage(bulk.validate(fileName, Buffer.from(contentBase64, 'base64')), PAGE_LIMIT)),
    'bulk.problems': ({ reportId, cursor, limit }) => Promise.resolve(problems.page(reportId, cursor, limit)),
    'bulk.start': ({ draftId, concurrency }) => {
      const profileId = active();
      desk.assertAllowed(profileId, 'card.issueBulk'); // the workstation must allow bulk work at all
      const job = bulk.create(draftId, profileId, concurrency);
      desk.audit('bulk.start', { profileId, jobId: job.id, rows: job.total, format: job.format });
      bulk.runInBackground(job.id);
      return Promise.resolve(bulk.get(job.id));
    },
    'bulk.list': () => Promise.resolve(bulk.list()),
    'bulk.get': ({ jobId }) => Promise.resolve(bulk.get(jobId)),
    'bulk.pause': ({ jobId }) => Promise.resolve(bulk.pause(jobId)),
    'bulk.resume': ({ jobId }) => {
      bulk.runInBackground(jobId);
      return Promise.resolve(bulk.get(jobId));
    },
    'bulk.cancel': ({ jobId }) => {
      desk.audit('bulk.cancel', { profileId: active(), jobId });
      return Promise.resolve(bulk.cancel(jobId));
    },
    'bulk.result': ({ jobId, cursor, limit }) => {
      const meta = bulk.store.meta(jobId);
      const rows = bulk.store.resultRows(jobId);
      const part = resultCsvPart(meta, rows, bulk.store.results(jobId), offsetOf(cursor, rows.length), limit);
      const nextCursor = part.next === null ? null : String(part.next);
      return Promise.resolve({ fileName: resultFileName(meta), text: part.text, nextCursor });
    },
  };
}

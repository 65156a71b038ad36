export { BULK_FORMATS, columnsOf, templateCsv, type BulkFormat } from './formats.ts';
export type { JobMeta } from './job-store.ts';
export { PROBLEM_CODES, describeProblem, type BulkProblem, type ProblemCode } from './problems.ts';
export { JOB_STATES, type BulkProgress, type JobState } from './progress.ts';
export { BulkService, DEFAULT_CONCURRENCY, type JobView, type ValidationReport } from './service.ts';
export { bulkServiceFor } from './for-desk.ts';

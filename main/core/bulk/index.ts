export { BULK_FORMATS, columnsOf, templateCsv, type BulkFormat } from '../../../common/bulk/formats.ts';
export type { JobMeta } from './job-store.ts';
export { PROBLEM_CODES, describeProblem, type BulkProblem, type ProblemCode } from '../../../common/bulk/problems.ts';
export { JOB_STATES, type BulkProgress, type JobState } from '../../../common/bulk/progress.ts';
export { BulkService, DEFAULT_CONCURRENCY } from './service.ts';
export { bulkServiceFor } from './for-desk.ts';
export {
  forkJobProcess,
  JOB_PROCESS_ENTRY,
  JOB_V8_FLAGS,
  jobProcessEnv,
  type JobProcess,
  type JobProcessLauncher,
} from './process/channel.ts';

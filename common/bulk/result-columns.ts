// The outcome columns of a bulk job's result file, after the input columns (docs/bulk.md, the result file): main
// writes them under these names, and the app's download puts them in the operator's language.
export const RESULT_COLUMNS = [
  'result_status',
  'client_id',
  'card_id',
  'card_mask',
  'error_code',
  'error_message',
] as const;
export type ResultColumn = (typeof RESULT_COLUMNS)[number];

/** What `result_status` says of a row. */
export const RESULT_STATUSES = ['done', 'failed', 'cancelled', 'not_run'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

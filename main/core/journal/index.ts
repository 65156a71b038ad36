export { Journal, JOURNAL_FILE, isFinal } from './journal.ts';
export type { JournalChange, JournalOptions } from './journal.ts';
export { importJsonlJournal, needsJsonlImport, type ImportProgress, type ImportReport } from './import-jsonl.ts';
export { JOURNAL_JSONL } from './jsonl.ts';
export type { AuditQuery, EntryQuery, Page, PageRequest } from './queries.ts';
export type { AuditRecord, JournalEntry, EntryState, ConnectionRecord } from './records.ts';
export { OPEN_STATES, ENTRY_STATES, isOpenState } from './records.ts';

export { Journal, JOURNAL_FILE, isFinal } from './journal.ts';
export type { JournalChange, JournalOptions, JournalReadReport } from './journal.ts';
export type { AuditRecord, JournalEntry, EntryState, ConnectionRecord } from './records.ts';
export { OPEN_STATES, ENTRY_STATES, isOpenState } from './records.ts';

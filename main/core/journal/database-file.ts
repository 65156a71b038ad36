// The journal's database file, created owner-only (docs/architecture.md, data folder).
import { existsSync, writeFileSync } from 'node:fs';
import { makePrivate, PRIVATE_FILE_MODE } from '../private-files.ts';

/** The journal's database in the data folder; the shipping outbox lives in it too. */
export const JOURNAL_FILE = 'journal.db';

/**
 * The database is the operator's alone (docs/architecture.md, data folder): created owner-only before SQLite
 * opens it, and SQLite gives its -wal and -shm files the same mode.
 */
export function privateDatabaseFile(path: string): void {
  if (existsSync(path)) makePrivate(path);
  else writeFileSync(path, '', { mode: PRIVATE_FILE_MODE });
}

// `card-desk journal archive --before <date>` (docs/architecture.md, "Retention and archives"): final operations
// and audit records older than a date move to a compressed file of JSON lines in the data folder's archive/
// folder. The file is complete and on disk before a row leaves the journal; the rows removed are exactly the
// rows written; the archiving itself is an audit record that stays. Open operations are never archived.
import { createHash, randomUUID } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  fsyncSync,
  mkdirSync,
  openSync,
  closeSync,
  renameSync,
  unlinkSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { PRIVATE_FILE_MODE } from '../private-files.ts';
import type { Journal } from './journal.ts';

export const ARCHIVE_DIR = 'archive';

export interface ArchiveReport {
  /** Null when nothing was old enough: no file is written and nothing is audited. */
  file: string | null;
  before: number;
  operations: number;
  audits: number;
}

/** Writes before a stale file (the journal changed under it) gives up: each retry writes the file anew. */
const ATTEMPTS = 3;

export async function archiveJournal(
  journal: Journal,
  dataDir: string,
  before: number,
  now: () => number = Date.now,
): Promise<ArchiveReport> {
  const dir = join(dataDir, ARCHIVE_DIR);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    // Asked on each try: another process may have archived it all meanwhile.
    if (!journal.hasArchivable(before)) return { file: null, before, operations: 0, audits: 0 };
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
    const file = join(dir, `journal-before-${new Date(before).toISOString().slice(0, 10)}-${stamp}.jsonl.gz`);
    const written = await writeArchive(journal, before, file);
    const removed = journal.removeArchived({ name: basename(file), sha256: await fileSha256(file) });
    if (removed === null) {
      // An outcome was recorded (or another process archived) while the file was written: the file is stale
      // and nothing left the journal. Dropped and written again, so no record is lost or kept twice.
      unlinkSync(file);
      continue;
    }
    if (removed.operations !== written.operations || removed.audits !== written.audits) {
      // Cannot happen: the removal names the rows written. Said loudly rather than hidden.
      throw new Error(`archive ${file} holds ${JSON.stringify(written)} but ${JSON.stringify(removed)} were removed`);
    }
    journal.recordAudit({
      key: randomUUID(),
      at: now(),
      action: 'journal.archive',
      details: { before, file, operations: written.operations, audits: written.audits },
    });
    return { file, before, ...written };
  }
  throw new Error(`the journal kept changing while it was archived (${String(ATTEMPTS)} tries); nothing was moved`);
}

/** The chain's 'archive' link commits to the file's bytes: a changed archive is found by verification. */
async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The archivable records into `file`, complete and on disk before it gets its name. */
async function writeArchive(
  journal: Journal,
  before: number,
  file: string,
): Promise<{ operations: number; audits: number }> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(partial, { mode: PRIVATE_FILE_MODE });
  const finished = once(out, 'close');
  gzip.pipe(out);
  const written = { operations: 0, audits: 0 };
  for (const record of journal.archivable(before)) {
    if (record.type === 'operation') written.operations++;
    else written.audits++;
    if (!gzip.write(`${JSON.stringify(record)}\n`)) await once(gzip, 'drain');
  }
  gzip.end();
  await finished;
  const fd = openSync(partial, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
  return written;
}

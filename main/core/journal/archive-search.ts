// Searching the archive files (archive.ts) as the journal is searched: streamed, newest file last, an operation
// archived twice (a run interrupted between writing and removing) shown once.
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { ARCHIVE_DIR } from './archive.ts';
import type { ArchivedRecord } from './archive-rows.ts';
import type { EntryQuery } from './queries.ts';
import type { JournalEntry } from './records.ts';
import { cardOf, clientOf } from './subjects.ts';

export function archiveFiles(dataDir: string): string[] {
  const dir = join(dataDir, ARCHIVE_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl.gz'))
    .sort()
    .map((name) => join(dir, name));
}

export function matches(entry: JournalEntry, q: EntryQuery): boolean {
  const text = q.text?.trim().toLowerCase();
  return (
    (q.states === undefined || q.states.includes(entry.state)) &&
    (q.op === undefined || entry.op === q.op) &&
    (q.profileId === undefined || entry.connection.profileId === q.profileId) &&
    (q.from === undefined || entry.at >= q.from) &&
    (q.to === undefined || entry.at <= q.to) &&
    (q.tagPrefix === undefined || entry.tag?.startsWith(q.tagPrefix) === true) &&
    (q.cardId === undefined || cardOf(entry) === q.cardId) &&
    (q.clientId === undefined || clientOf(entry) === q.clientId) &&
    (q.operatorId === undefined || entry.operatorId === q.operatorId || entry.approverId === q.operatorId) &&
    (text === undefined ||
      text === '' ||
      `${entry.key} ${entry.op} ${JSON.stringify(entry.params)} ${JSON.stringify(entry.result ?? {})}`
        .toLowerCase()
        .includes(text))
  );
}

/** Every archived record of every archive file, in the order written. */
export async function* readArchives(dataDir: string): AsyncGenerator<ArchivedRecord> {
  for (const file of archiveFiles(dataDir)) {
    const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of lines) if (line !== '') yield JSON.parse(line) as ArchivedRecord;
  }
}

/** Archived operations matching `q`, each key once. */
export async function* searchArchives(dataDir: string, q: EntryQuery): AsyncGenerator<JournalEntry> {
  const seen = new Set<string>();
  for await (const record of readArchives(dataDir)) {
    if (record.type !== 'operation' || seen.has(record.entry.key) || !matches(record.entry, q)) continue;
    seen.add(record.entry.key);
    yield record.entry;
  }
}

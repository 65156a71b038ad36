// The journal of earlier versions: one JSON record per line in journal.jsonl. Read as a stream, so that a file of
// any size (past what one string can hold) can be imported (import-jsonl.ts).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { journalRecord, type JournalRecord } from './records.ts';

export const JOURNAL_JSONL = 'journal.jsonl';

/** A line that does not parse as a record (a torn last line after a crash, or damage) is `undefined`. */
export function parseJsonlLine(line: string): JournalRecord | undefined {
  try {
    const parsed = journalRecord.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The file's records in order, with the bytes read so far; unreadable lines come as `undefined`. */
export async function* readJsonl(path: string): AsyncGenerator<{ record: JournalRecord | undefined; bytes: number }> {
  const stream = createReadStream(path);
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (line.trim() === '') continue;
      yield { record: parseJsonlLine(line), bytes: stream.bytesRead };
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}

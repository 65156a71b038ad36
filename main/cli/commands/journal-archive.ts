// `card-desk journal archive --before <date>` and `card-desk journal search`: moving old final operations and
// audit records out of the journal into compressed archive files, and finding them again
// (docs/architecture.md, "Retention and archives").
import { once } from 'node:events';
import { defaultDataDir } from '../../core/paths.ts';
import { archiveJournal } from '../../core/journal/archive.ts';
import { searchArchives } from '../../core/journal/archive-search.ts';
import {
  ENTRY_STATES,
  Journal,
  type EntryQuery,
  type EntryState,
  type JournalEntry,
} from '../../core/journal/index.ts';
import { cliChainKey } from '../chain-key.ts';
import { importOldJournal } from '../journal-import.ts';
import { EXIT, parseOptions, requireOption, UsageError, writeJson } from '../usage.ts';

const DAY_MS = 24 * 3600 * 1000;

/** A calendar date (UTC midnight); `end` gives the last moment of that day. */
function date(value: string | undefined, name: string, end = false): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const at = match === null ? Number.NaN : Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== value)
    throw new UsageError(`--${name} must be a date like 2026-01-31, got ${JSON.stringify(value)}`);
  return end ? at + DAY_MS - 1 : at;
}

export async function archive(args: string[], now: () => number = Date.now): Promise<number> {
  const { values } = parseOptions(args, {
    before: { type: 'string' },
    'data-dir': { type: 'string' },
    json: { type: 'boolean' },
  });
  const before = date(requireOption(values.before, 'before'), 'before') ?? 0;
  if (before > now()) throw new UsageError('--before must not be after today: only the past can be archived');
  const dataDir = values['data-dir'] ?? defaultDataDir();
  await importOldJournal(dataDir);
  const journal = Journal.open(dataDir, { chainKey: await cliChainKey(dataDir) });
  try {
    const report = await archiveJournal(journal, dataDir, before, now);
    if (values.json === true) writeJson(report);
    else if (report.file === null) process.stdout.write(`nothing before ${values.before ?? ''} to archive\n`);
    else
      process.stdout.write(
        `${String(report.operations)} operation(s) and ${String(report.audits)} audit record(s) before ${values.before ?? ''} moved to ${report.file}\n`,
      );
    return EXIT.done;
  } finally {
    journal.close();
  }
}

function states(value: string | undefined): EntryState[] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(',');
  const unknown = list.filter((s) => !(ENTRY_STATES as readonly string[]).includes(s));
  if (unknown.length > 0) throw new UsageError(`--state: unknown ${unknown.join(', ')} (${ENTRY_STATES.join(', ')})`);
  return list as EntryState[];
}

export function line(e: JournalEntry): string {
  const detail = e.error ? `${e.error.code}: ${e.error.description}` : (e.reason ?? '');
  return `${new Date(e.at).toISOString()}  ${e.state.padEnd(12)} ${e.op.padEnd(22)} ${e.key}  ${detail}\n`;
}

/** Searches the journal, or with --archived the archive files; newest first in the journal, file order in archives. */
export async function search(args: string[]): Promise<number> {
  const { values } = parseOptions(args, {
    archived: { type: 'boolean' },
    text: { type: 'string' },
    op: { type: 'string' },
    profile: { type: 'string' },
    state: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
    'data-dir': { type: 'string' },
  });
  const query: EntryQuery = {
    ...(values.text === undefined ? {} : { text: values.text }),
    ...(values.op === undefined ? {} : { op: values.op }),
    ...(values.profile === undefined ? {} : { profileId: values.profile }),
    ...(values.state === undefined ? {} : { states: states(values.state) }),
    ...(values.from === undefined ? {} : { from: date(values.from, 'from') }),
    ...(values.to === undefined ? {} : { to: date(values.to, 'to', true) }),
  };
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const format = (e: JournalEntry) => (values.json === true ? `${JSON.stringify(e)}\n` : line(e));
  let found: number;
  if (values.archived === true) found = await print(searchArchives(dataDir, query), format);
  else {
    await importOldJournal(dataDir);
    const journal = Journal.open(dataDir, { chainKey: await cliChainKey(dataDir) });
    try {
      found = await print(journal.iterate(query), format);
    } finally {
      journal.close();
    }
  }
  if (values.json !== true) process.stdout.write(`${String(found)} operation(s)\n`);
  return EXIT.done;
}

/** Writes each entry as it comes, waiting when the terminal or pipe is behind; returns how many. */
export async function print(
  entries: Iterable<JournalEntry> | AsyncIterable<JournalEntry>,
  format: (e: JournalEntry, index: number) => string,
): Promise<number> {
  let count = 0;
  for await (const entry of entries) {
    if (!process.stdout.write(format(entry, count))) await once(process.stdout, 'drain');
    count++;
  }
  return count;
}

// At the start of every CLI command and of the preview: a journal.jsonl of an earlier version is imported into
// the SQLite journal first, with a progress bar on the terminal (docs/architecture.md, "The journal").
import { importJsonlJournal, needsJsonlImport, type ImportProgress } from '../core/journal/index.ts';
import { cliChainKey } from './chain-key.ts';

const WIDTH = 30;
const MB = 1024 * 1024;

export function importText(p: ImportProgress): string {
  const share = p.totalBytes === 0 ? 1 : Math.min(1, p.bytesRead / p.totalBytes);
  const filled = Math.round(share * WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% importing the journal (${(p.bytesRead / MB).toFixed(0)}/${(p.totalBytes / MB).toFixed(0)} MB)`;
}

export async function importOldJournal(dataDir: string, stream: NodeJS.WriteStream = process.stderr): Promise<void> {
  if (!needsJsonlImport(dataDir)) return;
  stream.write('card-desk: importing journal.jsonl of an earlier version into journal.db (once)\n');
  const report = await importJsonlJournal(
    dataDir,
    (p) => {
      if (stream.isTTY) stream.write(`\r${importText(p)}\u001b[K`);
    },
    await cliChainKey(dataDir),
  );
  if (stream.isTTY) stream.write('\n');
  stream.write(
    `card-desk: imported ${String(report.operations)} operation(s) and ${String(report.audits)} audit record(s)` +
      `${report.skipped > 0 ? `, ${String(report.skipped)} unreadable line(s) skipped` : ''}; the old file is kept as ${report.keptAs ?? '?'}\n`,
  );
}

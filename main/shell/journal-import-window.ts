// At start, before the desk opens: a journal.jsonl of an earlier version is imported into journal.db (once,
// docs/architecture.md, "The journal"). A small window says so, with the share done in its title and on the
// taskbar, so that a long import of years of history is not taken for a hung app. No page is loaded in it.
import { importJsonlJournal, needsJsonlImport } from '../core/journal/index.ts';
import { importWindowOptions, type WindowConstructor } from './window.ts';

const TITLES: Record<string, string> = {
  en: 'Card Desk is importing its journal from the earlier version',
  ru: 'Card Desk переносит журнал из прежней версии',
  kk: 'Card Desk журналды алдыңғы нұсқадан көшіруде',
  ky: 'Card Desk журналды мурунку версиядан көчүрүүдө',
  uz: 'Card Desk jurnalni avvalgi versiyadan ko‘chirmoqda',
};

export function importTitle(locale: string, share: number): string {
  const text = TITLES[locale.slice(0, 2)] ?? TITLES.en ?? '';
  return `${text}: ${String(Math.floor(share * 100))} %`;
}

export async function importJournalWithWindow(
  Window: WindowConstructor,
  dataDir: string,
  locale: string,
  log: (line: string) => void,
  chainKey?: Buffer,
): Promise<void> {
  if (!needsJsonlImport(dataDir)) return;
  const win = new Window(importWindowOptions(importTitle(locale, 0)));
  win.setMenuBarVisibility(false);
  try {
    const report = await importJsonlJournal(
      dataDir,
      ({ bytesRead, totalBytes }) => {
        const share = totalBytes === 0 ? 1 : bytesRead / totalBytes;
        win.setTitle(importTitle(locale, share));
        win.setProgressBar(share);
      },
      chainKey,
    );
    log(
      `imported journal.jsonl: ${String(report.operations)} operation(s), ${String(report.audits)} audit record(s), ${String(report.skipped)} unreadable line(s) skipped; kept as ${report.keptAs ?? '?'}`,
    );
  } finally {
    win.destroy();
  }
}

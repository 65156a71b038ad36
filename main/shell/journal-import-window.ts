// At start, before the desk opens: a journal.jsonl of an earlier version is imported into journal.db (once,
// docs/architecture.md, "The journal"). A small window says so, with the share done in its title and on the
// taskbar, so that a long import of years of history is not taken for a hung app. No page is loaded in it.
import { BrowserWindow } from 'electron';
import { importJsonlJournal, needsJsonlImport } from '../core/journal/index.ts';

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
  dataDir: string,
  locale: string,
  log: (line: string) => void,
): Promise<void> {
  if (!needsJsonlImport(dataDir)) return;
  // It loads no page, but is as locked down as the main window (main/shell/window.ts), whatever a later change does.
  const win = new BrowserWindow({
    width: 640,
    height: 120,
    resizable: false,
    show: true,
    title: importTitle(locale, 0),
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      javascript: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.setMenuBarVisibility(false);
  try {
    const report = await importJsonlJournal(dataDir, ({ bytesRead, totalBytes }) => {
      const share = totalBytes === 0 ? 1 : bytesRead / totalBytes;
      win.setTitle(importTitle(locale, share));
      win.setProgressBar(share);
    });
    log(
      `imported journal.jsonl: ${String(report.operations)} operation(s), ${String(report.audits)} audit record(s), ${String(report.skipped)} unreadable line(s) skipped; kept as ${report.keptAs ?? '?'}`,
    );
  } finally {
    win.destroy();
  }
}

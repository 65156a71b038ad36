// CSV export of a paged list (docs/architecture.md, CSV export): the pages are read one after another at the
// contract's largest page, each turned into CSV text (every cell through the CSV-injection guard) and into a
// Blob part at once, so neither main nor the renderer ever holds the whole history; the parts become one file
// through the one download path.
import { useCallback, useState } from 'react';
import { eachPage, type PageFetcher } from '../../api/paged.ts';
import { csvHeader, csvRows } from '../../components/csv.ts';
import { downloadParts } from '../../components/download.ts';
import type { Language } from '../../i18n/languages.ts';
import { useLanguage } from '../../i18n/use-language.ts';

export interface CsvExport {
  run: <T>(
    fileName: string,
    header: readonly string[],
    fetchPage: PageFetcher<T>,
    toRows: (rows: T[]) => unknown[][],
  ) => Promise<void>;
  busy: boolean;
  error: unknown;
}

/** Writes every page into parts in the language's CSV style; the number of rows written is returned for tests. */
export async function csvParts<T>(
  language: Language,
  header: readonly string[],
  fetchPage: PageFetcher<T>,
  toRows: (rows: T[]) => unknown[][],
): Promise<{ parts: Blob[]; rows: number }> {
  const parts = [new Blob([csvHeader(language, header)])];
  let count = 0;
  for await (const page of eachPage(fetchPage)) {
    const rows = toRows(page);
    count += rows.length;
    if (rows.length > 0) parts.push(new Blob([csvRows(language, rows)]));
  }
  return { parts, rows: count };
}

export function useCsvExport(): CsvExport {
  const language = useLanguage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(
    async <T>(
      fileName: string,
      header: readonly string[],
      fetchPage: PageFetcher<T>,
      toRows: (rows: T[]) => unknown[][],
    ) => {
      setBusy(true);
      setError(null);
      try {
        const { parts } = await csvParts(language, header, fetchPage, toRows);
        downloadParts(fileName, parts);
      } catch (failure) {
        setError(failure);
      } finally {
        setBusy(false);
      }
    },
    [language],
  );
  return { run, busy, error };
}

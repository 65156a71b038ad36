// The tables of docs/card-api.md as data, so tests can hold the code to the page: the two operation
// catalogs, the payment-card error codes and the gift status codes.
import { readFileSync } from 'node:fs';

const CARD_API_DOC = new URL('../../docs/card-api.md', import.meta.url);

interface Section {
  heading: string;
  lines: string[];
}

/** The page cut at every `##` and `###` heading. */
function sections(): Section[] {
  const out: Section[] = [];
  for (const line of readFileSync(CARD_API_DOC, 'utf8').split('\n')) {
    if (/^#{2,3} /.test(line)) out.push({ heading: line.replace(/^#+ /, ''), lines: [] });
    else out.at(-1)?.lines.push(line);
  }
  return out;
}

/** The body rows of a section's tables, each as its cells without backticks (header and rule rows left out). */
function bodyRows(section: Section): string[][] {
  const rows = section.lines
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim().replaceAll('`', '')),
    );
  return rows.filter((cells, i) => !cells.every((c) => /^-+$/.test(c)) && !/^-+$/.test(rows[i + 1]?.[0] ?? ''));
}

function section(heading: string): Section {
  const found = sections().find((s) => s.heading === heading);
  if (found === undefined) throw new Error(`docs/card-api.md has no heading "${heading}"`);
  return found;
}

export interface DocumentedOperation {
  /** Prefix plus path, e.g. `/v5/card-api/card/block`. */
  path: string;
  /** The "kind" column: `sync read`, `async write`, … */
  kind: string;
}

/** Every row of "Operations catalog: payment cards" and "…: gift cards", by op id; each section names its prefix. */
export function documentedOperations(): Map<string, DocumentedOperation> {
  const found = new Map<string, DocumentedOperation>();
  for (const s of sections().filter((s) => s.heading.startsWith('Operations catalog:'))) {
    const prefix = s.lines.map((line) => /^The prefix is `([^`]+)`/.exec(line)?.[1]).find((p) => p !== undefined);
    if (prefix === undefined) throw new Error(`docs/card-api.md, "${s.heading}" names no prefix`);
    for (const [id = '', path = '', , kind = ''] of bodyRows(s)) {
      if (/^[a-zA-Z]+\.[a-zA-Z]+$/.test(id)) found.set(id, { path: prefix + path, kind });
    }
  }
  return found;
}

/** The `error_code` values of "Error codes". */
export function documentedErrorCodes(): string[] {
  return bodyRows(section('Error codes')).map(([code = '']) => code);
}

/** The negative gift `status` values of "Gift status codes". */
export function documentedGiftErrors(): number[] {
  return bodyRows(section('Gift status codes'))
    .map(([status = '']) => Number(status))
    .filter((status) => status < 0);
}

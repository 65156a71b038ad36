// Figures of the reliability and security suite: each verify test file records its counts here;
// `npm run verify` (test/verify/run.ts) and `npm test` print the table and the closing line from them.
// Attack tests, wherever they live, record each attack apart (recordAttack); they make up one `attacks` row.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIGURES_DIR = join(import.meta.dirname, '..', '..', 'test-results', 'verify');
/** One file per attack: test files in several processes and projects record without racing on one file. */
const ATTACKS_DIR = join(FIGURES_DIR, 'attacks');

export const FIGURE_NAMES = [
  'operations',
  'faultsInjected',
  'lost',
  'duplicated',
  'unknownLeft',
  'inputsFuzzed',
  'crashes',
  'leaks',
  'attacksTried',
  'attacksSucceeded',
] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];
export type Figures = Partial<Record<FigureName, number>>;

/** Counts that must be 0 for `npm run verify` to pass. */
export const MUST_BE_ZERO: FigureName[] = ['lost', 'duplicated', 'unknownLeft', 'crashes', 'leaks', 'attacksSucceeded'];

export interface SuiteFigures {
  suite: string;
  figures: Figures;
  /** A few lines of detail for the table (e.g. the fault matrix). */
  detail?: string[];
}

export function recordFigures(suite: string, figures: Figures, detail?: string[]): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  const entry: SuiteFigures = { suite, figures, ...(detail === undefined ? {} : { detail }) };
  writeFileSync(join(FIGURES_DIR, `${suite}.json`), `${JSON.stringify(entry, null, 2)}\n`);
}

interface AttackRecord {
  name: string;
  succeeded: boolean;
}

/** One attack tried: `succeeded` when the defence was not shown to hold (see test/support/attack.ts). */
export function recordAttack(name: string, succeeded: boolean): void {
  mkdirSync(ATTACKS_DIR, { recursive: true });
  const id = createHash('sha256').update(name).digest('hex').slice(0, 16);
  const record: AttackRecord = { name, succeeded };
  writeFileSync(join(ATTACKS_DIR, `${id}.json`), `${JSON.stringify(record)}\n`);
}

function jsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** Every recorded attack as one row: attacks tried, attacks that succeeded, and the names of those. */
function attacksRow(): SuiteFigures[] {
  const attacks = jsonFiles(ATTACKS_DIR).map((f) => JSON.parse(readFileSync(f, 'utf8')) as AttackRecord);
  if (attacks.length === 0) return [];
  const succeeded = attacks.filter((a) => a.succeeded).map((a) => a.name);
  return [
    {
      suite: 'attacks',
      figures: { attacksTried: attacks.length, attacksSucceeded: succeeded.length },
      detail: succeeded.sort().map((name) => `succeeded: ${name}`),
    },
  ];
}

export function readFigures(): SuiteFigures[] {
  const suites = jsonFiles(FIGURES_DIR).map((f) => JSON.parse(readFileSync(f, 'utf8')) as SuiteFigures);
  return [...suites, ...attacksRow()];
}

export function totals(suites: SuiteFigures[]): Record<FigureName, number> {
  const out = Object.fromEntries(FIGURE_NAMES.map((n) => [n, 0])) as Record<FigureName, number>;
  for (const s of suites) for (const n of FIGURE_NAMES) out[n] += s.figures[n] ?? 0;
  return out;
}

/** The table and the one closing line: operations run, faults injected, lost, duplicated, unknown left, inputs fuzzed, crashes, leaks found, attacks tried and succeeded. */
export function report(suites: SuiteFigures[]): { text: string; pass: boolean } {
  const lines: string[] = [];
  const header = ['suite', ...FIGURE_NAMES];
  const row = (cells: string[]): string =>
    cells.map((c, i) => c.padEnd(i === 0 ? 28 : Math.max(16, (header[i]?.length ?? 0) + 2))).join('');
  lines.push(row(header));
  for (const s of suites) {
    lines.push(row([s.suite, ...FIGURE_NAMES.map((n) => (s.figures[n] === undefined ? '–' : String(s.figures[n])))]));
    for (const d of s.detail ?? []) lines.push(`    ${d}`);
  }
  const t = totals(suites);
  const pass = suites.length > 0 && MUST_BE_ZERO.every((n) => t[n] === 0);
  lines.push(
    `verify: operations ${String(t.operations)}, faults injected ${String(t.faultsInjected)}, lost ${String(t.lost)}, duplicated ${String(t.duplicated)}, unknown left ${String(t.unknownLeft)}, inputs fuzzed ${String(t.inputsFuzzed)}, crashes ${String(t.crashes)}, leaks ${String(t.leaks)}, attacks tried ${String(t.attacksTried)}, attacks succeeded ${String(t.attacksSucceeded)} · ${pass ? 'PASS' : 'FAIL'}`,
  );
  return { text: `${lines.join('\n')}\n`, pass };
}

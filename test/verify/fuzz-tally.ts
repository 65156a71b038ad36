// What the fuzz files share: a tally of inputs, crashes and violations per target, the failure that fast-check
// reports with its seed, and the figures each file records when it ends.
import { recordFigures } from './figures.ts';

/** Per target: inputs run, crashes (thrown / untyped / internal / stopped serving), other property violations. */
export interface Tally {
  inputs: number;
  crashes: number;
  violations: number;
}

export const tally = (): Tally => ({ inputs: 0, crashes: 0, violations: 0 });

/** Counts the failure (crash or violation) and throws it so fast-check reports the input and the seed. */
export function fail(t: Tally, crash: boolean, problems: string[]): void {
  if (problems.length === 0) return;
  if (crash) t.crashes++;
  else t.violations++;
  throw new Error(problems.join('; '));
}

/** Records one fuzz file's `inputsFuzzed` and `crashes`, summed over its targets, with a line of detail each. */
export function recordFuzzFigures(suite: string, tallies: Tally[], detail: string[]): void {
  const inputsFuzzed = tallies.reduce((n, t) => n + t.inputs, 0);
  const crashes = tallies.reduce((n, t) => n + t.crashes, 0);
  recordFigures(suite, { inputsFuzzed, crashes }, detail);
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

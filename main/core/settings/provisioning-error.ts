// Every refusal of a provisioning or managed policy file names the file, the line and the field, and never
// echoes a value that could be a secret (docs/provisioning.md, refusals).
import { DeskError } from '../errors.ts';

export interface ProvisioningProblem {
  /** `profiles[0].baseUrl`; absent for problems of the file as a whole (size, syntax, encoding). */
  field?: string;
  /** 1-based, when the problem has a place in the file. */
  line?: number;
  column?: number;
  message: string;
}

/** Every refusal of a provisioning or managed policy file: the first problem in the message, all in `problems`. */
export class ProvisioningError extends DeskError {
  readonly source: string;
  readonly field: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly problems: ProvisioningProblem[];
  constructor(source: string, problems: ProvisioningProblem[]) {
    const list = problems.length > 0 ? problems : [{ message: 'invalid provisioning file' }];
    const first = list[0] ?? { message: 'invalid provisioning file' };
    const more = list.length > 1 ? ` (and ${list.length - 1} more)` : '';
    super('provisioning_invalid', `${describeProblem(source, first)}${more}`, { source });
    this.name = 'ProvisioningError';
    this.source = source;
    this.field = first.field;
    this.line = first.line;
    this.column = first.column;
    this.problems = list;
  }
}

/** `kiosk.json line 7, profiles[0].baseUrl: …`; syntax problems carry the column instead of a field. */
export function describeProblem(source: string, problem: ProvisioningProblem): string {
  let place = source;
  if (problem.line !== undefined) place += ` line ${problem.line}`;
  if (problem.field !== undefined) place += `, ${problem.field}`;
  else if (problem.column !== undefined && problem.line !== undefined) place += `, column ${problem.column}`;
  return `${place}: ${problem.message}`;
}

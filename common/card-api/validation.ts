// Turns schema failures into one specific line naming the field.
import type { z } from 'zod';

export interface FieldProblem {
  field: string;
  message: string;
}

export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `unknown field(s): ${issue.keys.join(', ')}`;
    if (issue.code === 'invalid_type' && issue.input === undefined) message = 'required';
    return { field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)', message };
  });
}

/** `client.phone: required` — the first problem, then how many more. */
export function describeProblems(problems: FieldProblem[]): string {
  const [first] = problems;
  if (first === undefined) return 'invalid input';
  const more = problems.length > 1 ? ` (and ${String(problems.length - 1)} more)` : '';
  return `${first.field}: ${first.message}${more}`;
}

export class ValidationError extends Error {
  readonly problems: FieldProblem[];
  constructor(problems: FieldProblem[]) {
    super(describeProblems(problems));
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

/** Parses `input` with `schema` or throws a ValidationError naming the field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldProblems(parsed.error));
  return parsed.data;
}

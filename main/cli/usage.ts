// Command-line plumbing shared by the commands: usage errors, exit codes, option parsing.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exit codes of the admin CLI. */
export const EXIT = {
  done: 0,
  businessError: 1,
  usage: 2,
  /** Outcome unknown (or still processing) after reconciliation: run `journal reconcile` later. */
  notFinal: 3,
  /** The server was not reached, or refused the transport: nothing happened. */
  transport: 4,
  /** Anything unexpected (a bug or the local system): reported in one line. */
  internal: 5,
  /** The OS keychain is unavailable, or holds no secret for the profile. */
  keychain: 6,
} as const;

export class UsageError extends Error {
  override name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict option parsing; every problem becomes a one-line UsageError. */
export function parseOptions<O extends Options>(args: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
}

export function requireOption(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new UsageError(`missing --${name}`);
  return value;
}

export function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`--${name} must be a positive integer, got ${JSON.stringify(value)}`);
  return n;
}

export function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

// The sandbox command line (docs/card-api.md, sandbox conventions): flags → SandboxOptions.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { parseFaultFlag, type FaultRule } from './faults.ts';
import type { SandboxOptions } from './sandbox.ts';

export const USAGE = `usage: card-desk sandbox [--port <n>] [--host <loopback>] [--merchant <id> --secret <s>]...
                         [--state <file>] [--async-ms <n>] [--retention-ms <n>] [--latency-ms <n>]
                         [--fault <op>:<kind>[:<count>]]...`;

/** A year: longer windows only make the state file bigger. */
const MAX_RETENTION_MS = 365 * 24 * 60 * 60 * 1000;

export type ParsedArgs =
  | {
      kind: 'run';
      options: SandboxOptions;
      /** Set when no merchant was given and one was made up. */ generatedSecret?: string;
    }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

function integer(flag: string, text: string | undefined, max: number): number | string | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) > max)
    return `${flag} ${JSON.stringify(text)}: expected an integer from 0 to ${String(max)}`;
  return Number(text);
}

/** parseArgs' own messages are long; keep one line that names the flag. */
function parseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  const quoted = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${quoted ?? message}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument ${quoted ?? message}`;
  return message.split('\n')[0] ?? message;
}

export function parseSandboxArgs(argv: string[]): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        merchant: { type: 'string', multiple: true },
        secret: { type: 'string', multiple: true },
        state: { type: 'string' },
        'async-ms': { type: 'string' },
        'retention-ms': { type: 'string' },
        'latency-ms': { type: 'string' },
        fault: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: parseError(error) };
  }
  if (values.help === true) return { kind: 'help' };

  const port = integer('--port', values.port, 65_535);
  const asyncMs = integer('--async-ms', values['async-ms'], 3_600_000);
  const latencyMs = integer('--latency-ms', values['latency-ms'], 600_000);
  const retentionMs = integer('--retention-ms', values['retention-ms'], MAX_RETENTION_MS);
  for (const value of [port, asyncMs, latencyMs, retentionMs])
    if (typeof value === 'string') return { kind: 'error', message: value };
  if (retentionMs === 0) return { kind: 'error', message: '--retention-ms must be at least 1' };

  const ids = values.merchant ?? [];
  const secrets = values.secret ?? [];
  if (ids.length !== secrets.length) {
    return {
      kind: 'error',
      message: `--merchant and --secret come in pairs (got ${String(ids.length)} and ${String(secrets.length)})`,
    };
  }
  const merchants: { id: number; secret: string }[] = [];
  for (const [i, id] of ids.entries()) {
    if (!/^[1-9]\d{0,15}$/.test(id))
      return { kind: 'error', message: `--merchant ${JSON.stringify(id)}: expected a positive integer` };
    const secret = secrets[i] ?? '';
    if (secret === '') return { kind: 'error', message: `--secret for merchant ${id} must not be empty` };
    merchants.push({ id: Number(id), secret });
  }
  let generatedSecret: string | undefined;
  if (merchants.length === 0) {
    generatedSecret = randomBytes(32).toString('hex');
    merchants.push({ id: 1, secret: generatedSecret });
  }

  const faults: FaultRule[] = [];
  for (const text of values.fault ?? []) {
    const rule = parseFaultFlag(text);
    if (typeof rule === 'string') return { kind: 'error', message: rule };
    faults.push(rule);
  }

  const options: SandboxOptions = { merchants, faults };
  if (typeof port === 'number') options.port = port;
  if (values.host !== undefined) options.host = values.host;
  if (values.state !== undefined) options.stateFile = values.state;
  if (typeof asyncMs === 'number') options.asyncMs = asyncMs;
  if (typeof retentionMs === 'number') options.retentionMs = retentionMs;
  if (typeof latencyMs === 'number') options.latencyMs = latencyMs;
  return generatedSecret === undefined ? { kind: 'run', options } : { kind: 'run', options, generatedSecret };
}

#!/usr/bin/env node
// The Card Desk admin command line (main/cli): dispatches to one command module per verb.
import { callCommand } from './commands/call.ts';
import { journalCommand } from './commands/journal.ts';
import { sandboxCommand, startCommand } from './commands/sandbox.ts';
import { EXIT, UsageError } from './usage.ts';

const HELP = `Card Desk admin CLI

  card-desk call <op id> --json '<body>' --base-url <url> --merchant <id> --scheme sha256-body|jws-hs512 --secret-stdin
                [--timeout-ms <n>] [--wait-ms <n>] [--data-dir <dir>] [--reveal]
  card-desk journal list [--open] [--json] [--data-dir <dir>]
  card-desk journal reconcile --base-url <url> --merchant <id> --scheme <scheme> --secret-stdin [--data-dir <dir>]
  card-desk sandbox [--port <n>] [--merchant <id> --secret <s>]… [--state <file>] [--async-ms <n>]
                    [--latency-ms <n>] [--fault <op>:<kind>[:<count>]]…
  card-desk start   the embedded sandbox with its state in the data folder

Exit codes: 0 done, 1 business error, 2 usage or validation error, 3 outcome unknown or still processing
after reconciliation, 4 server not reached (nothing happened), 5 internal error.
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'call':
      return callCommand(args);
    case 'journal':
      return journalCommand(args);
    case 'sandbox':
      return sandboxCommand(args);
    case 'start':
      return startCommand(args);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(HELP);
      return command === undefined ? EXIT.usage : EXIT.done;
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}; try "help"`);
  }
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage = error instanceof UsageError;
    process.stderr.write(`card-desk: ${oneLine(error)}\n`);
    process.exitCode = usage ? EXIT.usage : EXIT.internal;
  },
);

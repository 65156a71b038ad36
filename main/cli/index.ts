#!/usr/bin/env node
// The Card Desk admin command line (main/cli): dispatches to one command module per verb.
import { auditCommand } from './commands/audit.ts';
import { bulkCommand } from './commands/bulk.ts';
import { callCommand } from './commands/call.ts';
import { journalCommand } from './commands/journal.ts';
import { operatorCommand } from './commands/operator.ts';
import { policyCommand } from './commands/policy.ts';
import { profileCommand } from './commands/profile.ts';
import { secretCommand } from './commands/secret.ts';
import { sandboxCommand, startCommand } from './commands/sandbox.ts';
import { EXIT, UsageError } from './usage.ts';

const HELP = `Card Desk admin CLI

  card-desk call <op id> --json '<body>' --profile <id> [--data-dir <dir>] [--reveal]
  card-desk call <op id> --json '<body>' --base-url <url> --merchant <id> --scheme sha256-body|jws-hs512 --secret-stdin
                [--timeout-ms <n>] [--wait-ms <n>] [--data-dir <dir>] [--reveal]
  card-desk profile list|show <id>|import <file>|remove <id> [--yes] [--json] [--data-dir <dir>]
  card-desk secret set|status|clear|test <profile id> [--json] [--data-dir <dir>]
  card-desk policy hash-pin   the kiosk admin PIN (standard input) as the hash for policy.kioskExitPinHash
  card-desk operator add --id <id> --name <name> --role teller[,supervisor,administrator,auditor] [--data-dir <dir>]
  card-desk operator reset-pin --id <id> [--data-dir <dir>]     (the PIN or passphrase from standard input)
  card-desk operator list [--json] | disable --id <id> | enable --id <id> [--data-dir <dir>]
  card-desk operator hash-pin   a PIN or passphrase (standard input) as the hash for policy.operators[].pinHash
  card-desk journal list [--open] [--json] [--data-dir <dir>]
  card-desk journal search [--archived] [--text <t>] [--op <op id>] [--profile <id>] [--state <s,…>]
                    [--from <YYYY-MM-DD>] [--to <YYYY-MM-DD>] [--json] [--data-dir <dir>]
  card-desk journal archive --before <YYYY-MM-DD> [--json] [--data-dir <dir>]
                    final operations and audit records before the date to a compressed file in archive/
  card-desk journal reconcile (--profile <id> | --base-url <url> --merchant <id> --scheme <scheme> --secret-stdin) [--data-dir <dir>]
  card-desk audit verify [--json] [--data-dir <dir>]
                    checks the keyed hash chain over the journal and the audit trail: exit 0 whole, 1 broken
                    (naming the first record that is not), 6 the keychain could not give the chain's key
  card-desk audit ship --status [--json] [--data-dir <dir>]
                    how far shipping to the policy's syslog server is: pending, oldest, last shipped, last error
  card-desk sandbox [--port <n>] [--merchant <id> --secret <s>]… [--state <file>] [--async-ms <n>]
                    [--latency-ms <n>] [--fault <op>:<kind>[:<count>]]…
  card-desk start   the embedded sandbox with its state in the data folder
  card-desk bulk issue <file.csv> --profile <id> [--concurrency <n>] [--out <result.csv>] [--timeout-ms <n>] [--data-dir <dir>]
  card-desk bulk status|resume|cancel <job id> [--json] [--data-dir <dir>]
  card-desk bulk list [--json] | bulk template clients|cards

Exit codes: 0 done, 1 business error, 2 usage or validation error, 3 outcome unknown or still processing
after reconciliation, 4 server not reached (nothing happened), 5 internal error, 6 the OS keychain is
unavailable or holds no secret for the profile.
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'call':
      return callCommand(args);
    case 'bulk':
      return bulkCommand(args);
    case 'journal':
      return journalCommand(args);
    case 'audit':
      return auditCommand(args);
    case 'profile':
      return profileCommand(args);
    case 'secret':
      return secretCommand(args);
    case 'policy':
      return policyCommand(args);
    case 'operator':
      return operatorCommand(args);
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

// Refusals of what the operator asked for; the keychain's own state; everything else is internal.
const REFUSED = new Set([
  'embedded_busy',
  'provisioning_invalid',
  'setting_locked',
  'profile_not_found',
  'profile_builtin',
  'operation_not_allowed',
  'secret_empty',
  'bulk_job_not_found',
  'bulk_job_busy',
  'bulk_draft_expired',
  'operator_exists',
  'operator_not_found',
  'last_administrator',
]);
const KEYCHAIN = new Set(['vault_unavailable', 'secret_missing']);

function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && REFUSED.has(code)) return EXIT.usage;
  if (typeof code === 'string' && KEYCHAIN.has(code)) return EXIT.keychain;
  return EXIT.internal;
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`card-desk: ${oneLine(error)}\n`);
    process.exitCode = exitCodeFor(error);
  },
);

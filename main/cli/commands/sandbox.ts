// `card-desk sandbox …` (the simulator of docs/card-api.md, sandbox) and `card-desk start` (the embedded default, until the
// desktop shell lands).
import { once } from 'node:events';
import { EMBEDDED_PROFILE_ID } from '../../../common/settings/schema.ts';
import { sandboxMain } from '../../sandbox/index.ts';
import { withDesk } from '../desk-context.ts';
import { EXIT, parseOptions } from '../usage.ts';

export function sandboxCommand(args: string[]): Promise<number> {
  return sandboxMain(args);
}

/** Starts the embedded sandbox of the data folder, reconciles open operations, and runs until a signal. */
export function startCommand(args: string[]): Promise<number> {
  const { values } = parseOptions(args, { 'data-dir': { type: 'string' } });
  return withDesk(values['data-dir'], async (desk) => {
    const url = await desk.embeddedUrl();
    process.stdout.write(`Card Desk embedded sandbox listening on ${url}\n`);
    process.stderr.write(
      [
        'The desktop shell is not built yet: the embedded Card API sandbox runs, with its built-in "Sandbox" profile.',
        'From another terminal, with no credentials:',
        `  npm run -s cli -- call gift.products --json '{}' --profile ${EMBEDDED_PROFILE_ID}`,
        `  npm run -s cli -- profile list`,
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
    const report = await desk.reconcile(undefined, { wait: false });
    if (report.checked > 0)
      process.stderr.write(`reconciled ${String(report.checked)} open operation(s) from earlier runs\n`);
    await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
    return EXIT.done;
  });
}

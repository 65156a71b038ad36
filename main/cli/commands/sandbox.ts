// `card-desk sandbox …` (the simulator of SPEC §9) and `card-desk start` (the embedded default, until the
// desktop shell lands).
import { join } from 'node:path';
import { defaultDataDir } from '../../core/paths.ts';
import { sandboxMain } from '../../sandbox/index.ts';
import { parseOptions } from '../usage.ts';

export function sandboxCommand(args: string[]): Promise<number> {
  return sandboxMain(args);
}

export function startCommand(args: string[]): Promise<number> {
  const { values } = parseOptions(args, { 'data-dir': { type: 'string' }, port: { type: 'string' } });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  process.stderr.write(
    [
      'Card Desk: the desktop shell is not built yet; starting the embedded Card API sandbox.',
      `State is kept in ${join(dataDir, 'sandbox-state.json')}. Use the admin CLI against the URL below, e.g.`,
      "  echo '<secret>' | npm run -s cli -- call gift.products --json '{}' --base-url <url> --merchant 1 --scheme sha256-body --secret-stdin",
      '',
    ].join('\n'),
  );
  return sandboxMain(['--state', join(dataDir, 'sandbox-state.json'), '--port', values.port ?? '0']);
}

// Composition of core for the CLI: the keychain vault, the managed policy's fixed path, the embedded sandbox.
import { Desk } from '../core/desk.ts';
import { cliChainKey } from './chain-key.ts';
import { importOldJournal } from './journal-import.ts';
import { createLog } from '../core/log/logger.ts';
import { defaultDataDir } from '../core/paths.ts';
import { managedPolicyPath } from '../core/settings/managed-policy.ts';
import { KeytarVault, vaultServiceName } from '../core/vault/index.ts';
import { startSandbox } from '../sandbox/index.ts';

/** Running from TypeScript sources (npm run cli, tests) is a development build: it uses card-desk-dev. */
export function isDevelopmentBuild(): boolean {
  return import.meta.url.endsWith('.ts');
}

export interface DeskTiming {
  deadlineMs?: number;
  pollCeilingMs?: number;
}

/** `sandboxSecretsOnly`: the browser preview's desk, whose vault sees only sandbox entries of its data folder. */
export function openDesk(
  dataDir: string | undefined,
  timing: DeskTiming = {},
  access: { sandboxSecretsOnly?: boolean; chainKey?: Buffer } = {},
): Desk {
  const dir = dataDir ?? defaultDataDir();
  return Desk.open({
    ...timing,
    ...access,
    log: createLog(dir),
    dataDir: dir,
    vault: new KeytarVault(vaultServiceName(isDevelopmentBuild())),
    managedPolicyFile: managedPolicyPath(process.platform, process.env),
    startEmbedded: ({ merchant, stateFile }) => startSandbox({ merchants: [merchant], stateFile }),
  });
}

/** Runs `use` with an open desk and always closes it (journal, embedded sandbox). */
export async function withDesk<T>(
  dataDir: string | undefined,
  use: (desk: Desk) => Promise<T>,
  timing: DeskTiming = {},
): Promise<T> {
  const dir = dataDir ?? defaultDataDir();
  await importOldJournal(dir);
  const chainKey = await cliChainKey(dir);
  const desk = openDesk(dataDir, timing, chainKey === undefined ? {} : { chainKey });
  for (const problem of desk.problems) process.stderr.write(`card-desk: warning: ${problem}\n`);
  try {
    return await use(desk);
  } finally {
    await desk.close();
  }
}

// The journal chain's key for the CLI's commands (core/journal/chain-key.ts): from the same keychain entry as
// the app's, so that what the CLI writes is sealed as the app's records are, and `audit verify` can check both.
import { loadChainKey } from '../core/journal/chain-key.ts';
import { KeytarVault, readInstallId, vaultServiceName } from '../core/vault/index.ts';

/** `create`: writers make the key if the keychain holds none; `audit verify` only reads it. */
export function cliChainKey(dataDir: string, create = true): Promise<Buffer | undefined> {
  // From TypeScript sources (npm run cli, tests) the development keychain service, as desk-context.ts does.
  const development = import.meta.url.endsWith('.ts');
  return loadChainKey(new KeytarVault(vaultServiceName(development)), readInstallId(dataDir), create);
}

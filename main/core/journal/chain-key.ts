// The journal chain's key in the OS keychain (docs/architecture.md, "The audit chain"): 32 random bytes under
// the account `<install id>:journal`, made by the first writer that finds none. Only a real keychain counts:
// a key in memory would die with the process and leave a chain no later process could check.
import { randomBytes } from 'node:crypto';
import { PIN_KEY_BYTES, SecretMissingError, type SecretVault } from '../vault/index.ts';

export function chainAccount(installId: string): string {
  return `${installId}:journal`;
}

async function read(vault: SecretVault, account: string): Promise<Buffer | undefined> {
  try {
    return await vault.use(account, 'journal-chain-key').withSecret((key) => Buffer.from(key));
  } catch (error) {
    if (error instanceof SecretMissingError) return undefined;
    throw error;
  }
}

/**
 * The chain key, made first when `create` (writers) and none is stored; undefined when the keychain cannot be
 * reached or holds none (the journal then seals its links without a key, and verification says so).
 */
export async function loadChainKey(
  vault: SecretVault,
  installId: string,
  create: boolean,
): Promise<Buffer | undefined> {
  if (vault.kind !== 'keychain') return undefined;
  const account = chainAccount(installId);
  try {
    const stored = await read(vault, account);
    if (stored !== undefined || !create) return stored;
    const made = randomBytes(PIN_KEY_BYTES);
    try {
      await vault.set(account, 'journal-chain-key', made);
    } finally {
      made.fill(0);
    }
    // Read back: if another process of the folder made one at the same moment, both use the one that stayed.
    return await read(vault, account);
  } catch {
    return undefined;
  }
}

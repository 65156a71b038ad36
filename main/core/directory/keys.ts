// The directory's two keys in the OS keychain (docs/architecture.md, data): an AES-256 key for the rows and an
// HMAC key for the search tokens, each 32 random bytes, under the account `<install id>:directory` (a ':' is in no
// profile id, so no profile's entries share it). They are made on first use. Without a keychain the directory
// lives in memory for this process only, and its file is left as it is.
import { randomBytes } from 'node:crypto';
import { PIN_KEY_BYTES, SecretMissingError, type SecretVault, type VaultItem } from '../vault/index.ts';
import type { DirectoryKeys } from './crypto.ts';

export interface LoadedKeys {
  keys: DirectoryKeys;
  /** False: made for this process only (no keychain), so nothing may be written to disk with them. */
  persistent: boolean;
}

export type DirectoryKeySource = () => Promise<LoadedKeys>;

export function directoryAccount(installId: string): string {
  return `${installId}:directory`;
}

/** Reads the keys from the vault, making any that is missing; a vault that cannot be reached gives memory keys. */
export function vaultKeySource(vault: SecretVault, installId: string): DirectoryKeySource {
  const account = directoryAccount(installId);
  const one = async (item: VaultItem): Promise<Buffer> => {
    try {
      return await vault.use(account, item).withSecret((key) => Buffer.from(key));
    } catch (error) {
      if (!(error instanceof SecretMissingError)) throw error;
    }
    const made = randomBytes(PIN_KEY_BYTES);
    try {
      await vault.set(account, item, made);
    } finally {
      made.fill(0);
    }
    // Read back: if another process of the folder made one at the same moment, both use the one that stayed.
    return vault.use(account, item).withSecret((key) => Buffer.from(key));
  };
  return async () => {
    try {
      return { keys: { seal: await one('directory-key'), index: await one('directory-index-key') }, persistent: true };
    } catch {
      return memoryKeys();
    }
  };
}

export function memoryKeys(): LoadedKeys {
  return { keys: { seal: randomBytes(PIN_KEY_BYTES), index: randomBytes(PIN_KEY_BYTES) }, persistent: false };
}

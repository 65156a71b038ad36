// The in-process vault: the fake for tests and the clearly-labelled fallback (`kind: 'memory'`) when the OS
// keychain is unavailable. Same semantics as KeytarVault; nothing survives the process.
import type { SecretSource } from '../card-api/signing.ts';
import {
  checkItem,
  checkProfileId,
  checkSecret,
  lendingSource,
  SecretMissingError,
  VAULT_ITEMS,
  VaultUnavailableError,
  type SecretVault,
  type VaultItem,
  type VaultStatus,
} from './secret-vault.ts';

export interface MemoryVaultOptions {
  /** Makes the vault behave like an unreachable keychain (for tests of that state). */
  unavailable?: string;
}

export class MemoryVault implements SecretVault {
  readonly kind = 'memory';
  private readonly entries = new Map<string, Buffer>();
  private unavailable: string | undefined;

  constructor(options: MemoryVaultOptions = {}) {
    this.unavailable = options.unavailable;
  }

  /** Test hook: `undefined` makes the vault reachable again. */
  setUnavailable(reason: string | undefined): void {
    this.unavailable = reason;
  }

  set(profileId: string, item: VaultItem, secret: Buffer): Promise<void> {
    return settle(() => {
      checkProfileId(profileId);
      checkItem(item);
      checkSecret(item, secret);
      this.ensureAvailable();
      const key = entryKey(profileId, item);
      this.entries.get(key)?.fill(0);
      this.entries.set(key, Buffer.from(secret));
    });
  }

  status(profileId: string, item: VaultItem): Promise<VaultStatus> {
    if (this.unavailable !== undefined) return Promise.resolve('unavailable');
    return Promise.resolve(this.entries.has(entryKey(profileId, item)) ? 'present' : 'absent');
  }

  use(profileId: string, item: VaultItem): SecretSource {
    checkProfileId(profileId);
    checkItem(item);
    return lendingSource(() =>
      settle(() => {
        this.ensureAvailable();
        const stored = this.entries.get(entryKey(profileId, item));
        if (stored === undefined) throw new SecretMissingError(profileId, item);
        return Buffer.from(stored);
      }),
    );
  }

  clear(profileId: string, item?: VaultItem): Promise<void> {
    return settle(() => {
      checkProfileId(profileId);
      if (item !== undefined) checkItem(item);
      this.ensureAvailable();
      for (const each of item === undefined ? VAULT_ITEMS : [item]) {
        const key = entryKey(profileId, each);
        this.entries.get(key)?.fill(0);
        this.entries.delete(key);
      }
    });
  }

  private ensureAvailable(): void {
    if (this.unavailable !== undefined) throw new VaultUnavailableError(this.unavailable);
  }
}

function entryKey(profileId: string, item: VaultItem): string {
  return `${profileId}\u0000${item}`;
}

/** Runs `run` now and turns its result or its throw into a promise, like an async keychain call would. */
function settle<T>(run: () => T): Promise<T> {
  return new Promise<T>((resolve) => {
    resolve(run());
  });
}

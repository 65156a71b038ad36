// The OS keychain vault (Keychain on macOS, Credential Manager on Windows, Secret Service on Linux) via keytar.
// A missing native module, an absent/locked/refusing Secret Service or a hung prompt becomes the designed state
// 'unavailable' / VaultUnavailableError, never a crash (anchor: Signal-Desktop's getSQLKey).
import { createRequire } from 'node:module';
import type { SecretSource } from '../card-api/signing.ts';
import {
  checkItem,
  checkProfileId,
  checkSecret,
  isKeyItem,
  lendingSource,
  SecretMissingError,
  VAULT_ITEMS,
  VaultUnavailableError,
  vaultServiceName,
  type SecretVault,
  type VaultItem,
  type VaultStatus,
} from './secret-vault.ts';

/** The part of keytar the vault uses. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarVaultOptions {
  /** Development builds use the 'card-desk-dev' service, installed ones 'card-desk' (see vaultServiceName). */
  development?: boolean;
  /** The keychain service name; overrides `development`. */
  service?: string;
  /** How long one keychain call may take before the vault gives up (a prompt nobody answers). Default 5 s. */
  timeoutMs?: number;
  /** Loads keytar; tests substitute a fake. Default: require('keytar') on first use. */
  load?: () => KeytarApi;
}

export const DEFAULT_KEYCHAIN_TIMEOUT_MS = 5_000;

type Loaded = { ok: true; keytar: KeytarApi } | { ok: false; reason: string };

export class KeytarVault implements SecretVault {
  readonly kind = 'keychain';
  readonly service: string;
  private readonly timeoutMs: number;
  private readonly load: () => KeytarApi;
  private loaded: Loaded | undefined;

  /** A string is the service name, e.g. `new KeytarVault(vaultServiceName(dev))`. */
  constructor(options: KeytarVaultOptions | string) {
    if (typeof options === 'string') options = { service: options };
    this.service = options.service ?? vaultServiceName(options.development ?? false);
    if (this.service.length === 0) throw new TypeError('a keychain service name is not empty');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_KEYCHAIN_TIMEOUT_MS;
    this.load = options.load ?? requireKeytar;
  }

  async set(profileId: string, item: VaultItem, secret: Buffer): Promise<void> {
    checkProfileId(profileId);
    checkItem(item);
    checkSecret(item, secret);
    // A JS string cannot be wiped; it lives only until keytar has copied it into the keychain call.
    const text = isKeyItem(item) ? secret.toString('base64') : secret.toString('utf8');
    await this.call(
      'store the secret',
      (keytar) => keytar.setPassword(this.service, accountFor(profileId, item), text),
      [text],
    );
  }

  async status(profileId: string, item: VaultItem): Promise<VaultStatus> {
    try {
      checkProfileId(profileId);
      checkItem(item);
    } catch {
      return 'absent';
    }
    try {
      const stored = await this.call('read the secret', (keytar) =>
        keytar.getPassword(this.service, accountFor(profileId, item)),
      );
      return stored === null ? 'absent' : 'present';
    } catch {
      return 'unavailable';
    }
  }

  use(profileId: string, item: VaultItem): SecretSource {
    checkProfileId(profileId);
    checkItem(item);
    return lendingSource(async () => {
      const stored = await this.call('read the secret', (keytar) =>
        keytar.getPassword(this.service, accountFor(profileId, item)),
      );
      if (stored === null || stored === '') throw new SecretMissingError(profileId, item);
      return isKeyItem(item) ? Buffer.from(stored, 'base64') : Buffer.from(stored, 'utf8');
    });
  }

  async clear(profileId: string, item?: VaultItem): Promise<void> {
    checkProfileId(profileId);
    if (item !== undefined) checkItem(item);
    for (const each of item === undefined ? VAULT_ITEMS : [item]) {
      await this.call('delete the secret', (keytar) =>
        keytar.deletePassword(this.service, accountFor(profileId, each)),
      );
    }
  }

  private keytar(): KeytarApi {
    if (this.loaded === undefined) {
      try {
        this.loaded = { ok: true, keytar: this.load() };
      } catch (error) {
        this.loaded = { ok: false, reason: `the keytar module could not be loaded (${describe(error)})` };
      }
    }
    if (!this.loaded.ok) throw new VaultUnavailableError(this.loaded.reason);
    return this.loaded.keytar;
  }

  /**
   * Runs one keychain call with a deadline and turns every failure into VaultUnavailableError. `sensitive`
   * lists strings that must not reach the message even if a library echoed them.
   */
  private call<T>(what: string, run: (keytar: KeytarApi) => Promise<T>, sensitive: string[] = []): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const fail = (reason: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(new VaultUnavailableError(scrub(reason, sensitive)));
      };
      const timer = setTimeout(() => {
        fail(`the keychain did not answer within ${this.timeoutMs} ms while trying to ${what}`);
      }, this.timeoutMs);
      timer.unref();
      let pending: Promise<T>;
      try {
        pending = run(this.keytar());
      } catch (error) {
        fail(error instanceof VaultUnavailableError ? error.reason : `could not ${what} (${describe(error)})`);
        return;
      }
      // A late answer after the deadline is dropped here, so it can never become an unhandled rejection.
      pending.then(
        (value) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          fail(`could not ${what} (${describe(error)})`);
        },
      );
    });
  }
}

/** The merchant secret's account is the given id; the PIN key's is `<id>#pin-key`, its record's `<id>#binding`. */
export function accountFor(profileId: string, item: VaultItem): string {
  return item === 'merchant-secret' ? profileId : `${profileId}#${item}`;
}

function requireKeytar(): KeytarApi {
  // Loaded lazily so a missing or unbuildable native module only disables the vault.
  return createRequire(import.meta.url)('keytar') as KeytarApi;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // First line only, bounded: library messages can carry long native paths.
  const firstLine = message.split('\n', 1)[0] ?? '';
  return firstLine.length > 200 ? `${firstLine.slice(0, 200)}…` : firstLine || 'unknown error';
}

function scrub(reason: string, sensitive: string[]): string {
  let clean = reason;
  for (const value of sensitive) {
    if (value.length > 0) clean = clean.split(value).join('[redacted]');
  }
  return clean;
}

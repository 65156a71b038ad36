// The vault keeps each profile's merchant secret and PIN key (docs/architecture.md, security; docs/card-api.md, sensitive data). It is write-only:
// nothing returns a secret; `use(...).withSecret(fn)` lends it to one callback and zero-fills the copy afterwards.
import type { SecretStore, VaultStatus } from '../../../common/contract/index.ts';
import type { SecretSource } from '../card-api/signing.ts';
import { DeskError } from '../errors.ts';

export type { VaultStatus } from '../../../common/contract/index.ts';

/**
 * 'binding' is the record of the profile the secret and PIN key were stored for (bound-vault.ts). The two
 * directory keys belong to the data folder's search directory, not to a profile (core/directory/keys.ts); the
 * chain key seals the journal's hash chain (core/journal/chain-key.ts).
 */
export const VAULT_ITEMS = [
  'merchant-secret',
  'pin-key',
  'binding',
  'directory-key',
  'directory-index-key',
  'journal-chain-key',
] as const;
export type VaultItem = (typeof VAULT_ITEMS)[number];

/** Items that are 32 random bytes (AES-256 and HMAC-SHA-256 keys), kept in the keychain as base64. */
export function isKeyItem(item: VaultItem): boolean {
  return (
    item === 'pin-key' || item === 'directory-key' || item === 'directory-index-key' || item === 'journal-chain-key'
  );
}

const ITEM_LABELS: Record<VaultItem, string> = {
  'merchant-secret': 'merchant secret',
  'pin-key': 'PIN key',
  binding: 'record of its profile',
  'directory-key': 'directory encryption key',
  'directory-index-key': 'directory index key',
  'journal-chain-key': 'journal chain key',
};

export interface SecretVault {
  /** 'memory' labels the in-process fallback so the UI can say the secret is not kept across restarts. */
  readonly kind: SecretStore;
  /** Stores (replaces) the secret. The caller keeps ownership of `secret`; the vault does not zero it. */
  set(profileId: string, item: VaultItem, secret: Buffer): Promise<void>;
  /** Never throws: a keychain that cannot be reached answers 'unavailable'. */
  status(profileId: string, item: VaultItem): Promise<VaultStatus>;
  /** Reads the secret afresh on each `withSecret`, lends it to the callback only, zero-fills it after. */
  use(profileId: string, item: VaultItem): SecretSource;
  /** Deletes one item, or every item of the profile when `item` is omitted. Deleting nothing is not an error. */
  clear(profileId: string, item?: VaultItem): Promise<void>;
}

/** The OS keychain cannot be reached, is locked, refused, or did not answer in time. */
export class VaultUnavailableError extends DeskError {
  override readonly code = 'vault_unavailable';
  readonly reason: string;
  /** `reason` must never contain a secret; callers build it from library error messages and fixed text. */
  constructor(reason: string) {
    super('vault_unavailable', `the OS keychain is unavailable: ${reason}`);
    this.name = 'VaultUnavailableError';
    this.reason = reason;
  }
}

/** `use(...).withSecret` found nothing stored for the profile. */
export class SecretMissingError extends DeskError {
  override readonly code = 'secret_missing';
  readonly profileId: string;
  readonly item: VaultItem;
  constructor(profileId: string, item: VaultItem) {
    super('secret_missing', `no ${ITEM_LABELS[item]} is set for profile ${profileId}`, { profileId, item });
    this.name = 'SecretMissingError';
    this.profileId = profileId;
    this.item = item;
  }
}

/** The stored secret was set for another profile record (URL, merchant or environment), or before records existed. */
export class SecretUnboundError extends DeskError {
  override readonly code = 'secret_unbound';
  constructor(profileId: string, why: string) {
    super('secret_unbound', `the secret of profile ${profileId} cannot be used: ${why}; set the secret again`, {
      profileId,
    });
    this.name = 'SecretUnboundError';
  }
}

/** The browser preview reached for an entry that is not a sandbox entry of its own data folder. */
export class SecretForeignError extends DeskError {
  override readonly code = 'secret_foreign';
  constructor(profileId: string) {
    super(
      'secret_foreign',
      `the browser preview may use only sandbox secrets of its own data folder; the secret of "${profileId}" is not one`,
      { profileId },
    );
    this.name = 'SecretForeignError';
  }
}

/** A value handed to the vault has the wrong shape (never echoes the value). */
export class VaultInputError extends DeskError {
  override readonly code = 'vault_input';
  constructor(message: string) {
    super('vault_input', message);
    this.name = 'VaultInputError';
  }
}

/** Development builds keep their entries apart from the installed application's. */
export function vaultServiceName(development: boolean): 'card-desk' | 'card-desk-dev' {
  return development ? 'card-desk-dev' : 'card-desk';
}

/** AES-256: a PIN key is exactly 32 bytes (docs/card-api.md, sensitive data). */
export const PIN_KEY_BYTES = 32;
/** Upper bound on a merchant secret, so a pasted file is refused rather than stored. */
export const MAX_SECRET_BYTES = 4096;

/**
 * Profile ids become keychain account names; `#` is reserved for the item suffix (`<id>#pin-key`), so no two
 * (profile, item) pairs can share an account. Settings ids (`[a-z0-9-]`) always pass.
 */
export function checkProfileId(profileId: string): void {
  // eslint-disable-next-line no-control-regex
  if (profileId.length === 0 || profileId.length > 128 || /[#\u0000-\u001f\u007f]/.test(profileId)) {
    throw new VaultInputError('a profile id is 1 to 128 characters without "#" or control characters');
  }
}

export function checkItem(item: string): asserts item is VaultItem {
  if (!(VAULT_ITEMS as readonly string[]).includes(item)) {
    throw new VaultInputError(`a vault item is one of ${VAULT_ITEMS.join(', ')}`);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Refuses a secret the keychain could not give back byte for byte. Messages never include the bytes. */
export function checkSecret(item: VaultItem, secret: Buffer): void {
  if (!Buffer.isBuffer(secret)) throw new VaultInputError('a secret is given as a Buffer');
  if (isKeyItem(item)) {
    if (secret.length !== PIN_KEY_BYTES) throw new VaultInputError(`a ${ITEM_LABELS[item]} is ${PIN_KEY_BYTES} bytes`);
    return;
  }
  if (secret.length === 0) throw new VaultInputError('the merchant secret is empty');
  if (secret.length > MAX_SECRET_BYTES) {
    throw new VaultInputError(`the merchant secret is longer than ${MAX_SECRET_BYTES} bytes`);
  }
  // The keychain stores it as text: it must be UTF-8 and free of NUL, which would cut it short.
  if (secret.includes(0)) throw new VaultInputError('the merchant secret contains a NUL byte');
  try {
    utf8.decode(secret);
  } catch {
    throw new VaultInputError('the merchant secret is not UTF-8 text');
  }
}

/**
 * Lends `secret` to `use` and zero-fills it when `use` is done (after its promise settles, if it returns one),
 * whether it succeeded or threw.
 */
export async function lendSecret<T>(secret: Buffer, use: (secret: Buffer) => T): Promise<T> {
  try {
    return await use(secret);
  } finally {
    secret.fill(0);
  }
}

/** A SecretSource whose every `withSecret` first fetches a fresh copy of the secret. */
export function lendingSource(fetch: () => Promise<Buffer>): SecretSource {
  return {
    async withSecret<T>(use: (secret: Buffer) => T): Promise<T> {
      return lendSecret(await fetch(), use);
    },
  };
}

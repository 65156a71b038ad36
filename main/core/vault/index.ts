// The vault's public surface (docs/architecture.md, folders: SecretVault interface, keytar implementation, in-memory fake).
export {
  checkProfileId,
  MAX_SECRET_BYTES,
  PIN_KEY_BYTES,
  SecretForeignError,
  SecretMissingError,
  SecretUnboundError,
  VAULT_ITEMS,
  VaultInputError,
  VaultUnavailableError,
  vaultServiceName,
  type SecretVault,
  type VaultItem,
  type VaultStatus,
} from './secret-vault.ts';
export {
  accountFor,
  DEFAULT_KEYCHAIN_TIMEOUT_MS,
  KeytarVault,
  type KeytarApi,
  type KeytarVaultOptions,
} from './keytar-vault.ts';
export { BoundVault, type BoundVaultOptions, type SecretItem, type SecretOwner } from './bound-vault.ts';
export { INSTALL_ID_FILE, readInstallId } from './install-id.ts';
export { MemoryVault, type MemoryVaultOptions } from './memory-vault.ts';
export { InMemorySecret } from './in-memory-secret.ts';
export {
  decryptPin,
  encryptPin,
  generatePinKey,
  isValidPin,
  PIN_IV_BYTES,
  PIN_KEY_LENGTH,
  PIN_TAG_BYTES,
  PinDecryptError,
  PinFormatError,
} from './pin-crypto.ts';

// Each profile's merchant secret and PIN key in the vault: write-only (nothing reads a secret back out),
// audited, and bound to the profile's environment, base URL and merchant (vault/bound-vault.ts). The embedded profile's live with its sandbox, in memory when there is no keychain. Every change is
// told to `changed`, so that the profile's client is built anew (docs/card-api.md, sensitive data).
import type { VaultStatusView } from '../../../common/contract/index.ts';
import { EMBEDDED_PROFILE_ID, type Profile } from '../../../common/settings/schema.ts';
import type { SecretSource } from '../card-api/signing.ts';
import { DeskError } from '../errors.ts';
import { encryptPin, generatePinKey, SecretMissingError, type BoundVault } from '../vault/index.ts';
import type { Audit } from './audit.ts';
import type { EmbeddedSandbox } from './embedded-sandbox.ts';
import type { ProfileBook } from './profile-book.ts';

export interface ProfileSecretsOptions {
  keychain: BoundVault;
  embedded: EmbeddedSandbox;
  profiles: ProfileBook;
  audit: Audit;
  changed: (profileId: string) => void;
}

export class ProfileSecrets {
  private readonly options: ProfileSecretsOptions;

  constructor(options: ProfileSecretsOptions) {
    this.options = options;
  }

  /** What signs requests to `profile` as it is now: its merchant secret, read afresh for each signature. */
  signing(profile: Profile): SecretSource {
    return this.vaultFor(profile.id).use(profile, 'merchant-secret');
  }

  /** Stores (or replaces) a profile's merchant secret. */
  async set(id: string, secret: Buffer): Promise<void> {
    const profile = this.options.profiles.require(id);
    if (profile.embedded === true) throw new DeskError('profile_builtin', 'the Sandbox profile manages its own secret');
    if (secret.length === 0) throw new DeskError('secret_empty', 'the secret is empty');
    await this.options.keychain.set(profile, 'merchant-secret', secret);
    this.options.changed(id);
    this.options.audit('secret.set', { profileId: id });
  }

  async clear(id: string): Promise<void> {
    this.options.profiles.require(id);
    await this.options.keychain.clear(id, 'merchant-secret');
    this.options.changed(id);
    this.options.audit('secret.clear', { profileId: id });
  }

  /** A fresh AES-256 key for entered PINs (docs/card-api.md, sensitive data), kept in the keychain. */
  async createPinKey(id: string): Promise<void> {
    const profile = this.options.profiles.require(id);
    const key = generatePinKey();
    try {
      await this.vaultFor(id).set(profile, 'pin-key', key);
    } finally {
      key.fill(0);
    }
    this.options.changed(id);
    this.options.audit('pin-key.create', { profileId: id });
  }

  /**
   * Encrypts an entered card PIN with the profile's PIN key; the clear PIN goes no further. A profile without a
   * PIN key is told as such (`pin_key_missing`), not as a missing merchant secret: the operator can create one.
   */
  async encryptPin(id: string, pin: string): Promise<string> {
    try {
      return await this.vaultFor(id)
        .use(this.options.profiles.require(id), 'pin-key')
        .withSecret((key) => encryptPin(pin, key));
    } catch (error) {
      if (error instanceof SecretMissingError && error.item === 'pin-key')
        throw new DeskError('pin_key_missing', `profile ${id} has no PIN key for entered PINs`, { profileId: id });
      throw error;
    }
  }

  /** Every secret of a profile that was removed. */
  async forget(id: string): Promise<void> {
    await this.options.keychain.clear(id);
    this.options.changed(id);
  }

  async status(profile: Profile): Promise<VaultStatusView> {
    const vault = this.vaultFor(profile.id);
    const secret = await vault.status(profile, 'merchant-secret');
    // The embedded profile always has a secret: generated on first use, in memory when the keychain is out.
    const embedded = profile.embedded === true;
    return {
      secret: embedded ? 'present' : secret,
      pinKey: await vault.status(profile, 'pin-key'),
      store: embedded && secret === 'unavailable' ? 'memory' : vault.kind,
    };
  }

  private vaultFor(id: string): BoundVault {
    return id === EMBEDDED_PROFILE_ID ? this.options.embedded.vault : this.options.keychain;
  }
}

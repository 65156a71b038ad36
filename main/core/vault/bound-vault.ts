// Secrets bound to the profile they were stored for (docs/card-api.md, sensitive data). The keychain account is
// `<install id>.<profile id>`, so a data folder never names another folder's entries, and beside the secrets lies a
// record of the profile's environment, base URL and merchant: a profile whose record changed since cannot sign
// with the old secret. The browser preview's view is restricted to sandbox entries of its own folder.
//
// Entries of the format before records (account = profile id) are not migrated: nothing says which profile they
// were stored for, so binding them to whatever the profile says now would bless the very change this guards
// against. They count as absent, and using one says to set the secret again.
import type { Environment } from '../../../common/card-api/regions.ts';
import type { SecretSource } from '../card-api/signing.ts';
import {
  SecretForeignError,
  SecretMissingError,
  SecretUnboundError,
  type SecretVault,
  type VaultItem,
  type VaultStatus,
} from './secret-vault.ts';

/** What a secret is bound to: the parts of a profile that decide where it is sent and as whom. */
export interface SecretOwner {
  id: string;
  environment: Environment;
  baseUrl: string;
  merchantId: number;
}

export type SecretItem = Exclude<VaultItem, 'binding'>;

interface BindingRecord {
  installId: string;
  environment: string;
  baseUrl: string;
  merchantId: number;
}

export interface BoundVaultOptions {
  /** The data folder's install id (install-id.ts). */
  installId: string;
  /** The browser preview: only sandbox entries of this folder are seen, set, used or deleted. */
  sandboxOnly?: boolean;
}

export class BoundVault {
  private readonly raw: SecretVault;
  private readonly options: BoundVaultOptions;

  constructor(raw: SecretVault, options: BoundVaultOptions) {
    this.raw = raw;
    this.options = options;
  }

  get kind(): SecretVault['kind'] {
    return this.raw.kind;
  }

  /** The same binding over another store (the embedded sandbox's in-memory fallback). */
  over(raw: SecretVault): BoundVault {
    return new BoundVault(raw, this.options);
  }

  async set(owner: SecretOwner, item: SecretItem, secret: Buffer): Promise<void> {
    this.checkOwner(owner);
    const account = this.account(owner.id);
    const wanted = this.recordOf(owner);
    const stored = await this.record(owner.id);
    await this.checkReach(owner.id, stored);
    if (stored === undefined || !sameRecord(stored, wanted)) {
      // Whatever was stored belongs to another record: it goes first, the record last, so that every secret
      // under a record was stored for it even if this stops half-way.
      await this.raw.clear(account);
      await this.raw.set(account, 'binding', Buffer.from(JSON.stringify(wanted)));
    }
    await this.raw.set(account, item, secret);
    if (!this.options.sandboxOnly) await this.raw.clear(owner.id, item); // an entry of the old format
  }

  /** Never throws. A secret stored for another record of the profile is 'absent': it cannot be used. */
  async status(owner: SecretOwner, item: SecretItem): Promise<VaultStatus> {
    try {
      const stored = await this.record(owner.id);
      if (stored === undefined || !sameRecord(stored, this.recordOf(owner))) return 'absent';
      if (this.options.sandboxOnly && (owner.environment !== 'sandbox' || stored.environment !== 'sandbox'))
        return 'absent';
      return await this.raw.status(this.account(owner.id), item);
    } catch {
      return 'unavailable';
    }
  }

  /** Lends the secret only when its record matches `owner` as it is at that moment. */
  use(owner: SecretOwner, item: SecretItem): SecretSource {
    return {
      withSecret: async <T>(lend: (secret: Buffer) => T): Promise<T> => {
        this.checkOwner(owner);
        await this.checkBound(owner, item);
        return this.raw.use(this.account(owner.id), item).withSecret(async (secret) => {
          await this.checkBound(owner, item); // changed while it was read: refuse rather than lend
          return lend(secret);
        });
      },
    };
  }

  /** Deletes one item, or every item and the record. The preview deletes only sandbox entries. */
  async clear(profileId: string, item?: SecretItem): Promise<void> {
    await this.checkReach(profileId, await this.record(profileId));
    if (item === undefined) await this.raw.clear(this.account(profileId));
    else await this.raw.clear(this.account(profileId), item);
    if (!this.options.sandboxOnly) await this.raw.clear(profileId, item); // an entry of the old format
  }

  private account(profileId: string): string {
    return `${this.options.installId}.${profileId}`;
  }

  private recordOf(owner: SecretOwner): BindingRecord {
    const { environment, baseUrl, merchantId } = owner;
    return { installId: this.options.installId, environment, baseUrl, merchantId };
  }

  private async record(profileId: string): Promise<BindingRecord | undefined> {
    try {
      return await this.raw
        .use(this.account(profileId), 'binding')
        .withSecret((text) => parseRecord(text.toString('utf8')));
    } catch (error) {
      if (error instanceof SecretMissingError) return undefined;
      throw error;
    }
  }

  private checkOwner(owner: SecretOwner): void {
    if (this.options.sandboxOnly && owner.environment !== 'sandbox') throw new SecretForeignError(owner.id);
  }

  /** The preview may touch an entry only when its record says sandbox, or when there is nothing there at all. */
  private async checkReach(profileId: string, stored: BindingRecord | undefined): Promise<void> {
    if (!this.options.sandboxOnly) return;
    if (stored !== undefined ? stored.environment === 'sandbox' : await this.empty(profileId)) return;
    throw new SecretForeignError(profileId);
  }

  private async empty(profileId: string): Promise<boolean> {
    const account = this.account(profileId);
    const statuses = await Promise.all([
      this.raw.status(account, 'merchant-secret'),
      this.raw.status(account, 'pin-key'),
    ]);
    return statuses.every((s) => s === 'absent');
  }

  private async checkBound(owner: SecretOwner, item: SecretItem): Promise<void> {
    const stored = await this.record(owner.id);
    if (stored === undefined) {
      if (!this.options.sandboxOnly && (await this.raw.status(owner.id, item)) === 'present') {
        throw new SecretUnboundError(owner.id, 'it was stored by an earlier Card Desk without a record of its profile');
      }
      throw new SecretMissingError(owner.id, item);
    }
    if (this.options.sandboxOnly && stored.environment !== 'sandbox') throw new SecretForeignError(owner.id);
    const changed = differences(stored, this.recordOf(owner));
    if (changed.length > 0) {
      throw new SecretUnboundError(owner.id, `it was set before the profile's ${changed.join(', ')} changed`);
    }
  }
}

function differences(stored: BindingRecord, wanted: BindingRecord): string[] {
  const names: Record<keyof BindingRecord, string> = {
    installId: 'data folder',
    environment: 'environment',
    baseUrl: 'base URL',
    merchantId: 'merchant Auth-Id',
  };
  return (Object.keys(names) as (keyof BindingRecord)[]).filter((k) => stored[k] !== wanted[k]).map((k) => names[k]);
}

/** A record that cannot be read matches no profile, so its secrets cannot be used (and the preview cannot reach them). */
function parseRecord(text: string): BindingRecord {
  try {
    const { installId, environment, baseUrl, merchantId } = JSON.parse(text) as Partial<BindingRecord>;
    if (typeof installId === 'string' && typeof environment === 'string' && typeof baseUrl === 'string')
      if (typeof merchantId === 'number') return { installId, environment, baseUrl, merchantId };
  } catch {
    // falls through to the record that matches nothing
  }
  return { installId: '', environment: '', baseUrl: '', merchantId: 0 };
}

function sameRecord(a: BindingRecord, b: BindingRecord): boolean {
  return differences(a, b).length === 0;
}

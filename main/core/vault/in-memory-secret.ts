// A secret held in this process only (the CLI's --secret-stdin, tests). The keychain vault replaces it for profiles.
import type { SecretSource } from '../card-api/signing.ts';
import { lendingSource } from './secret-vault.ts';

export class InMemorySecret implements SecretSource {
  private readonly secret: Buffer;
  /** Lends a copy, zero-filled after use, exactly as the vaults do. */
  private readonly source: SecretSource;

  constructor(secret: string | Buffer) {
    this.secret = Buffer.from(secret);
    this.source = lendingSource(() => Promise.resolve(Buffer.from(this.secret)));
  }

  withSecret<T>(use: (secret: Buffer) => T): Promise<T> {
    return this.source.withSecret(use);
  }

  /** Overwrites the bytes so the secret does not linger in memory after use. */
  dispose(): void {
    this.secret.fill(0);
  }
}

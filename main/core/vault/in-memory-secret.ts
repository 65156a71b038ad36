// A secret held in this process only (the CLI's --secret-stdin, tests). The keychain vault replaces it for profiles.
import type { SecretSource } from '../card-api/signing.ts';

export class InMemorySecret implements SecretSource {
  private readonly secret: Buffer;

  constructor(secret: string | Buffer) {
    this.secret = Buffer.from(secret);
  }

  withSecret<T>(use: (secret: Buffer) => T): Promise<T> {
    return Promise.resolve(use(this.secret));
  }

  /** Overwrites the bytes so the secret does not linger in memory after use. */
  dispose(): void {
    this.secret.fill(0);
  }
}

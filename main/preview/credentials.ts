// The preview's credentials (docs/architecture.md, the contract, "three transports"): the link the preview prints
// carries a one-time code; the page trades it once (POST /auth/exchange) for a session token that it keeps in
// memory and sends in a header, never in a URL. So what the browser keeps of the link (history, sessions, tabs)
// is a spent code that opens nothing.
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Only digests are kept: a lookup by digest does not compare the secret itself byte by byte. */
function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export class PreviewCredentials {
  readonly #codes = new Set<string>();
  readonly #tokens = new Set<string>();

  /** A new one-time code for a link. */
  newCode(): string {
    const code = newSecret();
    this.#codes.add(digest(code));
    return code;
  }

  /** A new session token for a live code, which is spent by it; undefined for a spent or unknown code. */
  exchange(code: string): string | undefined {
    if (code === '' || !this.#codes.delete(digest(code))) return undefined;
    const token = newSecret();
    this.#tokens.add(digest(token));
    return token;
  }

  /** Whether `token` is a session token that an exchange handed out. */
  accepts(token: string | undefined): boolean {
    return token !== undefined && token !== '' && this.#tokens.has(digest(token));
  }
}

// The directory's two keys at work (docs/architecture.md, security): AES-256-GCM seals each row, bound to its row
// id so a sealed row cannot be moved to another id, and HMAC-SHA-256 turns search tokens, row ids and a card
// number into keyed hashes that say nothing without the key.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface DirectoryKeys {
  /** AES-256-GCM key of the rows. */
  readonly seal: Buffer;
  /** HMAC-SHA-256 key of the tokens and row ids. */
  readonly index: Buffer;
}

/** iv | ciphertext | tag, with the row id as additional data. */
export function sealRow(keys: DirectoryKeys, rowId: string, value: unknown): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.seal, iv);
  cipher.setAAD(Buffer.from(rowId, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

/** The row's value, or undefined when it was sealed under another key or id or changed since. */
export function openRow(keys: DirectoryKeys, rowId: string, sealed: Uint8Array): unknown {
  const bytes = Buffer.from(sealed);
  if (bytes.length < IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keys.seal, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(rowId, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const text = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
    return JSON.parse(text.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** A keyed hash of parts joined by NUL (no part contains one), as hex. */
export function keyedHash(keys: DirectoryKeys, ...parts: string[]): string {
  return createHmac('sha256', keys.index).update(parts.join('\u0000'), 'utf8').digest('hex');
}

/** Whether the stored check value was made with these keys (a lost or replaced key leaves rows unreadable). */
export function sameKeys(keys: DirectoryKeys, check: string): boolean {
  const mine = Buffer.from(keyCheck(keys), 'hex');
  const theirs = Buffer.from(check, 'hex');
  return mine.length === theirs.length && timingSafeEqual(mine, theirs);
}

export function keyCheck(keys: DirectoryKeys): string {
  return keyedHash(keys, 'key-check', createHmac('sha256', keys.seal).update('key-check').digest('hex'));
}

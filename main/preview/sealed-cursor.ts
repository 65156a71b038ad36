// The preview's page cursors, sealed. A journal cursor is the time and sequence of the last row read, and a
// preview page reads past other profiles' rows, so its cursor would tell a tab where (and when) those
// operations are. The preview hands out the journal's cursor encrypted and authenticated with a key of its own
// process, and takes back only cursors it sealed (docs/architecture.md, "Paged lists").
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const KEY = randomBytes(32);
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function sealCursor(cursor: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', KEY, iv);
  const sealed = Buffer.concat([cipher.update(cursor, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The journal's cursor inside, or undefined for one this preview did not seal. */
export function unsealCursor(sealed: string): string | undefined {
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES || bytes.toString('base64url') !== sealed) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', KEY, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

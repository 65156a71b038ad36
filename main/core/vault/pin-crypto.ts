// PIN encryption for card.setPin, docs/card-api.md, sensitive data. The documentation names AES-256 without mode or key exchange; this
// one replaceable function ASSUMES AES-256-GCM with the profile's PIN key from the vault:
// pin = base64(iv[12] | ciphertext | tag[16]). Errors never include the PIN.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DeskError } from '../errors.ts';

export const PIN_IV_BYTES = 12;
export const PIN_TAG_BYTES = 16;
export const PIN_KEY_LENGTH = 32;
const PIN_PATTERN = /^[0-9]{4,12}$/;

/** The PIN (or the key) has the wrong shape. The message describes the rule, never the value. */
export class PinFormatError extends DeskError {
  constructor(code: 'pin_invalid' | 'pin_key_invalid', message: string) {
    super(code, message);
    this.name = 'PinFormatError';
  }
}

/** The encrypted PIN is malformed, was altered, or was made with another key. */
export class PinDecryptError extends DeskError {
  constructor() {
    super('pin_decrypt_failed', 'the encrypted PIN could not be decrypted (altered, malformed or another key)');
    this.name = 'PinDecryptError';
  }
}

export function isValidPin(pin: string): boolean {
  return PIN_PATTERN.test(pin);
}

/** A fresh per-profile PIN key: 32 random bytes. Store it with `vault.set(profileId, 'pin-key', key)`. */
export function generatePinKey(): Buffer {
  return randomBytes(PIN_KEY_LENGTH);
}

/** docs/card-api.md, sensitive data: base64(iv[12] | AES-256-GCM ciphertext | tag[16]) with a random IV. */
export function encryptPin(pin: string, key: Buffer): string {
  if (typeof pin !== 'string' || !isValidPin(pin)) throw new PinFormatError('pin_invalid', 'a PIN is 4 to 12 digits');
  checkKey(key);
  const iv = randomBytes(PIN_IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: PIN_TAG_BYTES });
  const plain = Buffer.from(pin, 'utf8');
  try {
    const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64');
  } finally {
    plain.fill(0);
  }
}

/** The inverse of encryptPin (tests, and the sandbox's side of the assumption). */
export function decryptPin(encrypted: string, key: Buffer): string {
  checkKey(key);
  const bytes = Buffer.from(encrypted, 'base64');
  if (bytes.length < PIN_IV_BYTES + PIN_TAG_BYTES + 1 || bytes.toString('base64') !== encrypted) {
    throw new PinDecryptError();
  }
  const iv = bytes.subarray(0, PIN_IV_BYTES);
  const tag = bytes.subarray(bytes.length - PIN_TAG_BYTES);
  const ciphertext = bytes.subarray(PIN_IV_BYTES, bytes.length - PIN_TAG_BYTES);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: PIN_TAG_BYTES });
    decipher.setAuthTag(tag);
    plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new PinDecryptError();
  }
  try {
    const pin = plain.toString('utf8');
    if (!isValidPin(pin)) throw new PinDecryptError();
    return pin;
  } finally {
    plain.fill(0);
  }
}

function checkKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== PIN_KEY_LENGTH) {
    throw new PinFormatError('pin_key_invalid', `a PIN key is ${PIN_KEY_LENGTH} bytes`);
  }
}

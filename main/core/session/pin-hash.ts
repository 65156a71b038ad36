// The operator's lock-screen PIN, stored only as a slow scrypt hash.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// ~50 ms on a branch PC: slow enough to make guessing 4–12 digit PINs costly, fast enough for an unlock.
const PARAMS: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

function derive(pin: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, KEY_LENGTH, PARAMS, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** `scrypt$N$r$p$<salt b64>$<hash b64>` */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when `stored` is an scrypt hash at least as costly as the ones Card Desk makes. */
export function isStrongPinHash(stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  return (
    Number(n) >= (PARAMS.N ?? 0) &&
    Number(r) >= (PARAMS.r ?? 0) &&
    Number(p) >= 1 &&
    Buffer.from(salt, 'base64').length >= 16 &&
    Buffer.from(hash, 'base64').length >= KEY_LENGTH
  );
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await new Promise<Buffer>((resolve, reject) => {
    scrypt(
      pin,
      Buffer.from(salt, 'base64'),
      expected.length,
      { N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem },
      (error, k) => {
        if (error) reject(error);
        else resolve(k);
      },
    );
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

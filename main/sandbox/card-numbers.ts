// Card numbers derived on demand from the sandbox seed: PAN and CVV are never stored (docs/card-api.md, sensitive data).
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { luhnCheckDigit } from '../../common/card-api/pan.ts';

export { luhnCheckDigit, luhnValid, maskPan } from '../../common/card-api/pan.ts';

/** A Visa-looking BIN reserved for the sandbox (ASSUMED). */
const SANDBOX_BIN = '400000';

/** The seed's HMAC key, made once: a key object per card number cost as much as the HMAC itself. */
let seedKey: { seed: string; key: KeyObject } | undefined;

function keyOf(seed: string): KeyObject {
  if (seedKey?.seed !== seed) seedKey = { seed, key: createSecretKey(Buffer.from(seed, 'hex')) };
  return seedKey.key;
}

function digitsFrom(seed: string, label: string, count: number): string {
  const mac = createHmac('sha256', keyOf(seed)).update(label).digest();
  const n = BigInt(`0x${mac.toString('hex')}`) % 10n ** BigInt(count);
  return n.toString().padStart(count, '0');
}

/** 16-digit Luhn-valid PAN of a payment card (or, with `gift:` ids, a gift card). */
export function derivePan(seed: string, cardKey: string): string {
  const partial = SANDBOX_BIN + digitsFrom(seed, `pan:${cardKey}`, 9);
  return partial + luhnCheckDigit(partial);
}

export function deriveCvv(seed: string, cardKey: string): string {
  return digitsFrom(seed, `cvv:${cardKey}`, 3);
}

/** A Kazakh-format IBAN (KZ, 2 check digits, bank 551, 13-digit account) with a valid mod-97 check. */
export function ibanFor(accountNumber: number): string {
  const bban = `551${String(accountNumber).padStart(13, '0')}`;
  // ISO 13616: move "KZ00" to the end, letters as numbers (K=20, Z=35).
  const numeric = `${bban}203500`;
  const check = 98n - (BigInt(numeric) % 97n);
  return `KZ${check.toString().padStart(2, '0')}${bban}`;
}

/** MM/YY about three years after `at`. */
export function expiryFrom(at: number): string {
  const d = new Date(at);
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  const yy = String((d.getUTCFullYear() + 3) % 100).padStart(2, '0');
  return `${mm}/${yy}`;
}

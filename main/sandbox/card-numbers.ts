// Card numbers derived on demand from the sandbox seed: PAN and CVV are never stored (SPEC §8).
import { createHmac } from 'node:crypto';

/** A Visa-looking BIN reserved for the sandbox (ASSUMED). */
const SANDBOX_BIN = '400000';

function digitsFrom(seed: string, label: string, count: number): string {
  const mac = createHmac('sha256', Buffer.from(seed, 'hex')).update(label).digest();
  const n = BigInt(`0x${mac.toString('hex')}`) % 10n ** BigInt(count);
  return n.toString().padStart(count, '0');
}

export function luhnCheckDigit(partial: string): string {
  let sum = 0;
  // Walk from the right; the check digit will sit right of this, so the rightmost digit here is doubled.
  for (let i = 0; i < partial.length; i++) {
    let d = Number(partial[partial.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function luhnValid(pan: string): boolean {
  return /^\d{12,19}$/.test(pan) && luhnCheckDigit(pan.slice(0, -1)) === pan.slice(-1);
}

/** 16-digit Luhn-valid PAN of a payment card (or, with `gift:` ids, a gift card). */
export function derivePan(seed: string, cardKey: string): string {
  const partial = SANDBOX_BIN + digitsFrom(seed, `pan:${cardKey}`, 9);
  return partial + luhnCheckDigit(partial);
}

export function deriveCvv(seed: string, cardKey: string): string {
  return digitsFrom(seed, `cvv:${cardKey}`, 3);
}

export function maskPan(pan: string): string {
  return `${pan.slice(0, 6)}******${pan.slice(-4)}`;
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

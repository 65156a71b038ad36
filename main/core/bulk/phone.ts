// Phones in bulk files: E.164 digits with or without "+", spaces, dashes or brackets; valid numbers of
// Kazakhstan, Kyrgyzstan or Uzbekistan only (docs/card-api.md, payment-card catalog), as the API's integer of digits.
import { parsePhoneNumberFromString } from 'libphonenumber-js';

const COUNTRIES = new Set(['KZ', 'KG', 'UZ']);

export function phoneDigitsOf(text: string): number | undefined {
  const digits = text.replace(/[\s()+-]/g, '');
  if (!/^\d{10,15}$/.test(digits)) return undefined;
  const phone = parsePhoneNumberFromString(`+${digits}`);
  if (phone === undefined || !phone.isValid() || phone.country === undefined || !COUNTRIES.has(phone.country)) {
    return undefined;
  }
  return Number(digits);
}

// Phones of KZ, KG and UZ (docs/card-api.md, payment-card catalog): typed in any usual way, validated for the chosen country with
// libphonenumber-js, stored as the E.164 digits without "+" (an integer, as the API takes it).
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export const PHONE_COUNTRIES = ['KZ', 'KG', 'UZ'] as const satisfies readonly CountryCode[];
export type PhoneCountry = (typeof PHONE_COUNTRIES)[number];
export const CALLING_CODE: Record<PhoneCountry, string> = { KZ: '+7', KG: '+996', UZ: '+998' };

export type PhoneParse =
  { ok: true; digits: number; international: string } | { ok: false; problem: 'empty' | 'invalid' | 'other_country' };

export function parsePhone(text: string, country: PhoneCountry): PhoneParse {
  if (text.trim() === '') return { ok: false, problem: 'empty' };
  const phone = parsePhoneNumberFromString(text, country);
  if (phone === undefined || !phone.isValid()) return { ok: false, problem: 'invalid' };
  if (phone.country !== undefined && !(PHONE_COUNTRIES as readonly string[]).includes(phone.country)) {
    return { ok: false, problem: 'other_country' };
  }
  return { ok: true, digits: Number(phone.number.slice(1)), international: phone.formatInternational() };
}

/** The country a stored number belongs to, for editing it again. */
export function phoneCountryOf(digits: number | undefined): PhoneCountry {
  if (digits === undefined) return 'KZ';
  const text = String(digits);
  if (text.startsWith('996')) return 'KG';
  if (text.startsWith('998')) return 'UZ';
  return 'KZ';
}

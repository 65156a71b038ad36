// Field-level schemas shared by request and response shapes. docs/card-api.md, payment-card catalog, payment-card catalog, dictionaries.
import { z } from 'zod';
import { ISO_COUNTRIES } from '../iso-countries.ts';

/** docs/card-api.md, safe retry: one UUID per operation, used for the body `request_id` and the `Request-Id` header. */
export const requestId = z.uuid({ error: 'must be a UUID' });
/** Payment-card ids are strings (docs/card-api.md, payment-card catalog). */
export const entityId = z.string().trim().min(1, 'must not be empty').max(64, 'at most 64 characters');
/** Latin letters, spaces, apostrophes and hyphens (docs/card-api.md, payment-card catalog "Latin letters"). */
export const latinName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'at most 64 characters')
  .regex(/^[A-Za-z][A-Za-z' -]*$/, 'Latin letters only');
/** Digits of the E.164 number without "+", as an integer (docs/card-api.md, payment-card catalog). */
export const phoneDigits = z
  .int({ error: 'must be an integer of the E.164 digits without +' })
  .min(10_000_000, 'too short for an E.164 number')
  .max(999_999_999_999_999, 'too long for an E.164 number');
/** The messages of the input checks below: stable, the forms and bulk files tell the problem by them. */
export const INPUT_PROBLEM = {
  country: 'not an ISO 3166 alpha-3 country code, e.g. KAZ',
  birthdateFuture: 'date of birth in the future',
  birthdateTooEarly: 'date of birth before 1900',
} as const;
/** An ISO 3166-1 alpha-3 code that exists (the list comes from i18n-iso-countries, see iso-countries.ts). */
export const isoCountry3 = z.string().refine((code) => Object.hasOwn(ISO_COUNTRIES, code), INPUT_PROBLEM.country);
export const isoCurrency = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. KZT');
export const isoLanguage2 = z.string().regex(/^[a-z]{2}$/, 'ISO 639-1 code, e.g. ru');
export const rfc3339 = z.iso.datetime({ offset: true, error: 'RFC 3339 date-time, e.g. 2026-01-31T10:00:00+05:00' });
export const calendarDate = z.iso.date({ error: 'date as YYYY-MM-DD', abort: true });
/** The earliest date of birth taken: older ones are typing mistakes. */
export const EARLIEST_BIRTHDATE = '1900-01-01';
const pad2 = (n: number): string => String(n).padStart(2, '0');
/** Today on this computer's calendar, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return `${String(now.getFullYear())}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}
/** A date of birth: a calendar date from 1900 up to today (YYYY-MM-DD compares as text). */
export const birthdate = calendarDate
  .refine((date) => date >= EARLIEST_BIRTHDATE, { error: INPUT_PROBLEM.birthdateTooEarly, abort: true })
  .refine((date) => date <= localToday(), INPUT_PROBLEM.birthdateFuture);
export const decimalString = z.string().regex(/^\d{1,15}(\.\d{1,2})?$/, 'decimal amount as a string, e.g. "1500.00"');
export const note = z.string().trim().min(1, 'must not be empty').max(255, 'at most 255 characters');

/** Client products (docs/card-api.md, dictionaries). */
export const CLIENT_PRODUCTS = { 1000: 'Freedom Wallet Card', 2000: 'Instant Card', 3000: 'Electron Card' } as const;
export const productId = z.union([z.literal(1000), z.literal(2000), z.literal(3000)], {
  error: 'one of 1000, 2000, 3000',
});

export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
/** Identity document: a PDF, base64, at most 2 MB decoded (docs/card-api.md, payment-card catalog). */
export const pdfDocument = z
  .string()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64')
  .refine((s) => s.startsWith('JVBERi0'), 'must be a PDF file')
  .refine((s) => Math.floor((s.length * 3) / 4) <= MAX_DOCUMENT_BYTES, 'PDF larger than 2 MB');

export const address = z.strictObject({
  country: isoCountry3,
  postal_code: z.string().trim().min(1).max(16),
  address_line1: z.string().trim().min(1).max(128),
  address_line2: z.string().trim().min(1).max(128),
  address_line3: z.string().trim().min(1).max(64),
});

export const identificationInfo = z.strictObject({
  idn_date: rfc3339,
  identified_by: z.string().trim().min(1).max(128),
});

/** Where an asynchronous request stands (docs/card-api.md, dictionaries, DOC). */
export const REQUEST_STATUSES = ['success', 'process', 'error'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Payment card status (docs/card-api.md, dictionaries, ASSUMED). Unknown values are kept as they came. */
export const CARD_STATUSES = ['inactive', 'active', 'blocked', 'closed', 'expired'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

/** Card (docs/card-api.md, payment-card catalog, ASSUMED shape). */
export const card = z.object({
  card_id: z.string(),
  card_mask: z.string(),
  status: z.string(),
  expiry: z.string(),
  product_id: z.number(),
  client_id: z.string().nullable(),
  kind: z.string(),
  cardholder_name: z.string(),
});

/** Account (docs/card-api.md, payment-card catalog, DOC from Statement extended). */
export const account = z.object({
  iban: z.string(),
  currency: z.string(),
  debit: z.number(),
  credit: z.number(),
  amount: z.number(),
  blocked_amount: z.number(),
});

/** Where a statement operation happened (docs/card-api.md, payment-card catalog, ASSUMED). */
export const operationMerchant = z.object({ name: z.string(), city: z.string(), country: z.string() });

/** Statement operation (docs/card-api.md, payment-card catalog; merchant fields ASSUMED). */
export const operation = z.object({
  type: z.string(),
  amount: z.number(),
  commission: z.number(),
  currency: z.string(),
  mcc: z.string(),
  datetime: z.string(),
  rrn: z.string(),
  merchant: operationMerchant.optional(),
});

/** An authorization (a hold not yet settled) of the extended statement: the docs show none, so ASSUMED. */
export const authorization = z.object({
  type: z.string().optional(),
  amount: z.number().optional(),
  currency: z.string().optional(),
  datetime: z.string().optional(),
  status: z.string().optional(),
  mcc: z.string().optional(),
  rrn: z.string().optional(),
  merchant: operationMerchant.optional(),
});

export const limitObject = z.strictObject({
  type: z.enum(['card', 'account', 'client']),
  value: entityId,
});

/** Known limit transaction types (docs/card-api.md, payment-card catalog). */
export const LIMIT_TRANSACTION_TYPES = ['pay', 'withdrawal', 'withdrawal_atm', 'pay_online_non3ds'] as const;

/** limits.list item (docs/card-api.md, payment-card catalog, ASSUMED shape). */
export const limit = z.object({
  transaction_type: z.string(),
  period: z.string().optional(),
  amount: z.string(),
  currency: z.string(),
  used: z.string(),
  available: z.string(),
});

/** Gift card status (docs/card-api.md, dictionaries). */
export const GIFT_CARD_STATUSES = {
  0: 'unknown',
  1: 'issued',
  2: 'activated',
  3: 'canceled',
  4: 'blocked',
  5: 'expired',
} as const;

export const giftCardId = z.int({ error: 'gift card id must be an integer' }).positive('must be positive');

// The new-client form's values (strings, as inputs hold them) and their conversion into the docs/card-api.md, payment-card catalog draft.
// Field names follow the draft's own paths (client.first_name, client.address1.country …), so the contract
// schema's issues land on the field they are about without any renaming.
import { z } from 'zod';
import { clientDraft, type ClientDraft } from '../../../../../common/contract/index.ts';

export const PRODUCT_CODES = ['1000', '2000', '3000'] as const;
export type ProductCode = (typeof PRODUCT_CODES)[number];
export const CLIENT_TYPES = ['1', '2', '3'] as const;
export const RESIDENCIES = ['1', '2'] as const;
/** Product 1000 (Freedom Wallet Card) needs country, national id, document and registration address. */
export const WALLET_PRODUCT: ProductCode = '1000';

export interface AddressValues {
  country: string;
  postal_code: string;
  address_line1: string;
  address_line2: string;
  address_line3: string;
}

export interface ClientFormValues {
  product_id: ProductCode;
  branch_id: string;
  /** Residence address = registration address. */
  sameAddress: boolean;
  client: {
    phone: number | undefined;
    type: (typeof CLIENT_TYPES)[number];
    resident: (typeof RESIDENCIES)[number];
    first_name: string;
    last_name: string;
    middle_name: string;
    birthdate: string;
    email: string;
    country: string;
    person_id: string;
    language: string;
    /** Base64 of the PDF (no data: prefix), '' when none is attached. */
    document: string;
    external_user_id: string;
    address1: AddressValues;
    address2: AddressValues;
    identification_info: { idn_date: string; idn_time: string; identified_by: string };
  };
}

const emptyAddress = (): AddressValues => ({
  country: '',
  postal_code: '',
  address_line1: '',
  address_line2: '',
  address_line3: '',
});

export function emptyClientForm(): ClientFormValues {
  return {
    product_id: WALLET_PRODUCT,
    branch_id: '',
    sameAddress: true,
    client: {
      phone: undefined,
      type: '1',
      resident: '1',
      first_name: '',
      last_name: '',
      middle_name: '',
      birthdate: '',
      email: '',
      country: '',
      person_id: '',
      language: '',
      document: '',
      external_user_id: '',
      address1: emptyAddress(),
      address2: emptyAddress(),
      identification_info: { idn_date: '', idn_time: '', identified_by: '' },
    },
  };
}

/** '' (nothing typed) is "not given": optional fields are left out of the body rather than sent empty. */
function given(text: string): string | undefined {
  const value = text.trim();
  return value === '' ? undefined : value;
}

const isFilled = (a: AddressValues): boolean =>
  [a.country, a.postal_code, a.address_line1, a.address_line2, a.address_line3].some((v) => v.trim() !== '');

/** The whole address once anything of it is filled (or it is required), so each missing part is named. */
function address(a: AddressValues, required: boolean): ClientDraft['client']['address1'] {
  if (!required && !isFilled(a)) return undefined;
  return {
    country: a.country.trim().toUpperCase(),
    postal_code: a.postal_code,
    address_line1: a.address_line1,
    address_line2: a.address_line2,
    address_line3: a.address_line3,
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-01-31` + `10:00` → `2026-01-31T10:00:00+05:00`, with the offset this computer has on that date. */
export function localRfc3339(date: string, time: string): string {
  const clock = time === '' ? '00:00' : time;
  const local = new Date(`${date}T${clock}:00`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(clock) || Number.isNaN(local.getTime())) {
    return date; // left as typed: the schema names the field
  }
  const offset = -local.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${date}T${clock}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function identification(values: ClientFormValues['client']['identification_info']) {
  const { idn_date, idn_time, identified_by } = values;
  if (given(idn_date) === undefined && given(idn_time) === undefined && given(identified_by) === undefined) {
    return undefined;
  }
  return { idn_date: localRfc3339(idn_date, idn_time), identified_by };
}

/** The draft as the contract takes it: only what the operator gave, plus what the product requires. */
export function toDraft(values: ClientFormValues): ClientDraft {
  const c = values.client;
  const wallet = values.product_id === WALLET_PRODUCT;
  const address1 = address(c.address1, wallet);
  const address2 = values.sameAddress ? address1 : address(c.address2, false);
  const country = given(c.country)?.toUpperCase();
  const draft: ClientDraft = {
    product_id: Number(values.product_id) as ClientDraft['product_id'],
    branch_id: given(values.branch_id),
    client: {
      // undefined reaches the schema, which reports the phone as missing.
      phone: c.phone as number,
      type: Number(c.type) as ClientDraft['client']['type'],
      resident: Number(c.resident) as ClientDraft['client']['resident'],
      first_name: c.first_name,
      last_name: c.last_name,
      middle_name: given(c.middle_name),
      birthdate: given(c.birthdate),
      email: given(c.email),
      country,
      person_id: given(c.person_id),
      language: given(c.language)?.toLowerCase(),
      document: given(c.document),
      external_user_id: given(c.external_user_id),
      address1,
      address2,
      identification_info: identification(c.identification_info),
    },
  };
  return stripUndefined(draft);
}

/** The contract's objects are strict and the bridge sends JSON: keys with no value are dropped. */
function stripUndefined<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = stripUndefined(v);
  return out as T;
}

const REQUIRED_FOR_WALLET = ['country', 'person_id', 'document'] as const;
/** The message of an issue about a value that was not given at all (the field error says "Required"). */
const MISSING = 'required';

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const isBlank = (value: unknown): boolean => value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * The form's resolver schema: values → draft → the contract's own clientDraft schema. Its issues are reported
 * with two adjustments for the operator: a field left empty is "missing" whatever rule it broke, and the
 * product-1000 requirements (which the contract checks only once everything else is valid) come together
 * with the other problems, so every missing field shows in one go.
 */
export const clientFormSchema = z.custom<ClientFormValues>().transform((values, ctx) => {
  const draft = toDraft(values);
  const parsed = clientDraft.safeParse(draft);
  if (parsed.success) return parsed.data;
  const issues: { path: PropertyKey[]; message: string; code: string }[] = [];
  const seen = new Set<string>();
  const add = (path: PropertyKey[], code: string, message: string): void => {
    const key = path.join('.');
    if (seen.has(key)) return; // the first problem of a field is the one shown
    seen.add(key);
    issues.push({ path, code, message });
  };
  for (const issue of parsed.error.issues) {
    // The residence address mirrors the registration one: its problems are shown there only.
    if (values.sameAddress && issue.path[1] === 'address2') continue;
    if (isBlank(valueAt(draft, issue.path))) add(issue.path, 'custom', MISSING);
    else add(issue.path, issue.code, issue.message);
  }
  if (values.product_id === WALLET_PRODUCT) {
    for (const key of REQUIRED_FOR_WALLET) {
      if (draft.client[key] === undefined) add(['client', key], 'custom', MISSING);
    }
  }
  for (const { path, code, message } of issues) {
    // The original code goes on: the field error tells "too long" from "wrong format" by it.
    ctx.addIssue({ code, path, message } as Parameters<typeof ctx.addIssue>[0]);
  }
  return z.NEVER;
});

// Half-filled forms kept in memory across a lock and a change of section (docs/operator-ui.md, forms and
// drafts). A module-level map, never web storage or main: the lock unmounts the screens but not this module.
// A draft never holds a PIN, a CVV, a card number or a secret: such fields are dropped by name, and any text
// that reads as a card number (13 to 19 digits) is dropped whatever its field is called.
import { useEffect, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

const drafts = new Map<string, Record<string, unknown>>();

/** Name parts (camelCase, snake_case) of fields that never go into a draft. */
const SENSITIVE_PARTS = new Set(['pin', 'cvv', 'cvc', 'cvv2', 'pan', 'secret', 'password', 'passcode', 'otp']);
/** Whole names of one-time codes (a product's `productCode` is not one). */
const SENSITIVE_NAMES = new Set(['code', 'smscode', 'onetimecode', 'verificationcode', 'confirmationcode']);

function isSensitiveName(name: string): boolean {
  const parts = name
    .split(/(?<=[a-z0-9])(?=[A-Z])|[_\-.\s]/)
    .map((part) => part.toLowerCase())
    .filter((part) => part !== '');
  if (parts.some((part) => SENSITIVE_PARTS.has(part))) return true;
  const joined = parts.join('');
  return SENSITIVE_NAMES.has(joined) || joined.includes('cardnumber') || joined.includes('pinblock');
}

/**
 * 13 to 19 digits, spaces and dashes aside: maybe a card number, whatever the field. Without a Luhn check, so a
 * mistyped card number is dropped too; phones (at most 12 digits here) and national ids (12) are kept.
 */
function looksLikePan(value: unknown): boolean {
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  return /^\d{13,19}$/.test(String(value).replace(/[\s-]/g, ''));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** The values without sensitive fields and card numbers; files and other objects are kept as they are. */
export function withoutSecrets(value: unknown, exclude: readonly string[] = []): unknown {
  if (Array.isArray(value)) return value.filter((v) => !looksLikePan(v)).map((v) => withoutSecrets(v));
  if (!isPlainObject(value)) return looksLikePan(value) ? undefined : value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (exclude.includes(key) || isSensitiveName(key) || looksLikePan(v)) continue;
    out[key] = withoutSecrets(v);
  }
  return out;
}

/** Keeps a form's values as its draft; values equal to the form's defaults remove it. */
export function saveDraft(formId: string, values: unknown, exclude: readonly string[] = [], defaults?: string): void {
  const kept = withoutSecrets(values, exclude);
  if (!isPlainObject(kept) || (defaults !== undefined && JSON.stringify(kept) === defaults)) drafts.delete(formId);
  else drafts.set(formId, kept);
}

export function draftOf(formId: string): Record<string, unknown> | undefined {
  return drafts.get(formId);
}

/** After a form was sent and done: its next opening starts empty. */
export function clearDraft(formId: string): void {
  drafts.delete(formId);
}

/** Every draft dropped (another profile became active: its clients and cards are not this one's). */
export function clearAllDrafts(): void {
  drafts.clear();
}

/** For tests: every draft held, as text. */
export function draftsSnapshot(): string {
  return JSON.stringify([...drafts]);
}

/**
 * Registers a react-hook-form form with the draft store: its values are kept while typed (without `exclude`d
 * and sensitive fields) and put back when the form mounts again. A form reset to its defaults has no draft.
 */
export function useDraft<T extends FieldValues, C, O>(
  formId: string,
  form: UseFormReturn<T, C, O>,
  exclude: readonly string[] = [],
): void {
  // The defaults as the form first rendered them, to tell a draft from an untouched form.
  const [defaults] = useState(() => JSON.stringify(withoutSecrets(form.getValues(), exclude)));
  // The exclusions as a value, so that a new array of the same names does not subscribe again.
  const excluded = exclude.join('\n');

  useEffect(() => {
    const draft = drafts.get(formId);
    if (draft !== undefined) form.reset({ ...form.getValues(), ...draft }, { keepDefaultValues: true });
    const names = excluded === '' ? [] : excluded.split('\n');
    const subscription = form.watch((values) => {
      saveDraft(formId, values, names, defaults);
    });
    return () => {
      subscription.unsubscribe();
    };
  }, [formId, form, excluded, defaults]);
}

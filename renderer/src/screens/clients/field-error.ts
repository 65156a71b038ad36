// Field errors in the operator's language. The contract's zod messages are English and technical; each field
// gets its own sentence (what a valid value looks like), "Required" when nothing was given, and the schema's
// message only as a last resort inside a generic sentence.
import type { TFunction } from 'i18next';
import { get, type FieldErrors, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/** "Not given": the contract's product-1000 rule, the new-client form's own marker, and the issue codes that
 * mean an empty value in the other forms' schemas (an absent number, an empty string). */
const MISSING_MESSAGES = new Set(['required for product 1000', 'required']);
const MISSING_CODES = new Set(['invalid_type', 'too_small']);

/** `client.address2.postal_code` → `address.postal_code`; `client.first_name` → `first_name`. */
export function fieldKeyOf(name: string): string {
  return name
    .replace(/^client\./, '')
    .replace(/^address[12]\./, 'address.')
    .replace(/^identification_info\./, 'identification.');
}

interface RawError {
  message?: unknown;
  type?: unknown;
}

export function translateFieldError(t: TFunction, name: string, error: RawError | undefined): string | undefined {
  if (error === undefined) return undefined;
  const message = typeof error.message === 'string' ? error.message : '';
  const code = typeof error.type === 'string' ? error.type : '';
  if (MISSING_MESSAGES.has(message) || MISSING_CODES.has(code)) return t('common:field.required');
  if (code === 'too_big') return t('clients:fieldError.tooLong');
  return t(`clients:fieldError.${fieldKeyOf(name)}`, {
    defaultValue: t('clients:fieldError.other', { detail: message }),
  });
}

/** `(name) => translated error | undefined` for the current form's errors. */
export function useFieldError<T extends FieldValues>(errors: FieldErrors<T>): (name: string) => string | undefined {
  const { t } = useTranslation(['clients', 'common']);
  return (name) => translateFieldError(t, name, get<FieldErrors<T>, RawError | undefined>(errors, name));
}

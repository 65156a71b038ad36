// The client forms' field errors: each field has its own sentence (what a valid value looks like), "Required"
// when nothing was given, "too long" by its rule, and the contract's message only as a last resort inside a
// generic sentence.
import { INPUT_PROBLEM } from '../../../../common/card-api/catalog/fields.ts';
import type { FieldWords } from '../../components/field-error.ts';

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

export const CLIENT_FIELD_WORDS: FieldWords = {
  key: (field, { message, type }) => {
    if (MISSING_MESSAGES.has(message) || MISSING_CODES.has(type)) return 'common:field.required';
    if (type === 'too_big') return 'clients:fieldError.tooLong';
    if (message === INPUT_PROBLEM.birthdateFuture) return 'clients:fieldError.birthdateFuture';
    if (message === INPUT_PROBLEM.birthdateTooEarly) return 'clients:fieldError.birthdateTooEarly';
    return `clients:fieldError.${fieldKeyOf(field)}`;
  },
  fallback: 'clients:fieldError.other',
};

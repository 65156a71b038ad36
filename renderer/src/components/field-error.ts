// Field errors in the operator's language, one way for every form. The schemas' messages are English and
// technical (many are the contract's own), so each form gives its words: which i18n key explains an error of a
// field, by the field, by the rule it broke, or both. The schema's message is shown only when no key explains
// it, inside the form's fallback sentence when it has one.
import type { TFunction } from 'i18next';
import { get, type FieldErrors, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/** What a field error carries: the schema's message and the rule it broke (zod's issue code, or the form's own). */
export interface RawFieldError {
  message: string;
  type: string;
}

export interface FieldWords {
  /** The i18n key, with its namespace, of the sentence for this error of this field. */
  key: (field: string, error: RawFieldError) => string;
  /** The key used when `key` names no sentence; it receives the schema's message as `detail`. */
  fallback?: string;
  /** Values the sentences interpolate (a range's bounds). */
  values?: Record<string, unknown>;
}

/** Words of a form with one sentence per field (or per field and rule), whatever its schema's message. */
export function wordsByField(
  keys: Record<string, string | ((error: RawFieldError) => string)>,
  values?: Record<string, unknown>,
): FieldWords {
  return {
    key: (field, error) => {
      const key = keys[field];
      return typeof key === 'function' ? key(error) : (key ?? field);
    },
    ...(values === undefined ? {} : { values }),
  };
}

export function fieldErrorText(
  t: TFunction,
  words: FieldWords,
  field: string,
  error: { message?: unknown; type?: unknown } | undefined,
): string | undefined {
  if (error === undefined) return undefined;
  const raw: RawFieldError = {
    message: typeof error.message === 'string' ? error.message : '',
    type: typeof error.type === 'string' ? error.type : '',
  };
  const fallback = words.fallback === undefined ? raw.message : t(words.fallback, { detail: raw.message });
  return t(words.key(field, raw), { ...words.values, defaultValue: fallback });
}

/** `(field) => sentence | undefined` for the form's current errors. */
export function useFieldError<T extends FieldValues>(
  errors: FieldErrors<T>,
  words: FieldWords,
): (field: FieldPath<T>) => string | undefined {
  const { t } = useTranslation();
  return (field) =>
    fieldErrorText(t, words, field, get<FieldErrors<T>, Partial<RawFieldError> | undefined>(errors, field));
}

// Filter form errors in the operator's language: our schemas' messages are keys (`filters.errors.<key>`); a
// message that is not one of ours (a contract limit) is shown as it came.
import type { TFunction } from 'i18next';
import type { FieldError } from 'react-hook-form';

export function fieldError(t: TFunction, error: FieldError | undefined): string | undefined {
  if (error?.message === undefined) return undefined;
  return t(`journal:filters.errors.${error.message}`, { defaultValue: error.message });
}

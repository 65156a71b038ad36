// What every part of the new-client form needs: the form, its translated field errors, and whether the chosen
// product is the one with the stricter requirements.
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFieldError } from '../../../components/field-error.ts';
import { CLIENT_FIELD_WORDS } from '../client-field-words.ts';
import { WALLET_PRODUCT, type ClientFormValues } from './form-values.ts';

export function useClientForm() {
  const { t } = useTranslation(['clients', 'common']);
  const form = useFormContext<ClientFormValues>();
  const errorOf = useFieldError(form.formState.errors, CLIENT_FIELD_WORDS);
  const wallet = useWatch({ control: form.control, name: 'product_id' }) === WALLET_PRODUCT;
  return { t, form, errorOf, wallet };
}

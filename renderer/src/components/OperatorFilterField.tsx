// The field that narrows a list to one operator's records (the journal's operations and audit, the requests
// list, a card's history): an operator id typed as is, "any operator" while empty. The placeholder is short so
// it fits the narrow field at 1024 px in every language; how to use the field is its title.
import { TextInput, type TextInputProps } from '@mantine/core';
import type { ReactElement, Ref } from 'react';
import { useTranslation } from 'react-i18next';

export type OperatorFilterFieldProps = Omit<TextInputProps, 'placeholder' | 'title' | 'autoComplete'> & {
  ref?: Ref<HTMLInputElement>;
};

/** A TextInput: pass `register('operatorId')` or `value`/`onChange`, a label and a test id. */
export function OperatorFilterField(props: OperatorFilterFieldProps): ReactElement {
  const { t } = useTranslation('common');
  return (
    <TextInput
      placeholder={t('operatorFilter.any')}
      title={t('operatorFilter.hint')}
      autoComplete="off"
      spellCheck={false}
      {...props}
    />
  );
}

// A new PIN or passphrase and its repeat, as every form that sets one shows them (the first start, adding an
// operator, resetting an operator's secret, changing one's own). The form's schema checks the pair with the
// contract's "repeat must match" rule (common/contract/secret-pair.ts) and empties both after every attempt.
import { PasswordInput } from '@mantine/core';
import type { ReactElement } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

export interface SecretPairFieldsProps {
  /** `register(...)` of the new secret's field and of its repeat. */
  secret: UseFormRegisterReturn;
  repeat: UseFormRegisterReturn;
  /** The sentences of the fields' errors, if any. */
  errors: { secret?: string | undefined; repeat?: string | undefined };
  /** The test ids of the two fields. */
  testIds: { secret: string; repeat: string };
  /** The secret field takes the focus when a modal opens. */
  modalFocus?: boolean;
  required?: boolean;
}

export function SecretPairFields({
  secret,
  repeat,
  errors,
  testIds,
  modalFocus = false,
  required = false,
}: SecretPairFieldsProps): ReactElement {
  const { t } = useTranslation('lock');
  const common = {
    autoComplete: 'off',
    maxLength: 128,
    required,
    visibilityToggleButtonProps: { 'aria-label': t('showSecret') },
  };
  return (
    <>
      <PasswordInput
        label={t('newSecret')}
        description={t('newSecretHint')}
        error={errors.secret}
        data-autofocus={modalFocus || undefined}
        data-testid={testIds.secret}
        {...common}
        {...secret}
      />
      <PasswordInput
        label={t('repeatSecret')}
        error={errors.repeat}
        data-testid={testIds.repeat}
        {...common}
        {...repeat}
      />
    </>
  );
}

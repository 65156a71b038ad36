// "Approval by a second operator" inside an action's dialog, before its confirm button (use-approval.ts).
import { Fieldset, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldError, wordsByField } from '../field-error.ts';
import { ErrorNotice } from '../Notice.tsx';
import type { ApprovalControl } from './use-approval.ts';

const WORDS = wordsByField({ operatorId: 'common:approval.idFormat', secret: 'common:approval.secretRequired' });

export function ApprovalSection({ control }: { control: ApprovalControl }): ReactElement | null {
  const { t } = useTranslation();
  const {
    register,
    formState: { errors },
  } = control.form;
  const errorOf = useFieldError(errors, WORDS);
  if (!control.needed) return null;
  return (
    <Fieldset legend={t('approval.title')} data-testid="approval-section">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('approval.hint')}
        </Text>
        <TextInput
          label={t('approval.operatorId')}
          autoComplete="off"
          error={errorOf('operatorId')}
          data-testid="approval-id"
          {...register('operatorId')}
        />
        <PasswordInput
          label={t('approval.secret')}
          autoComplete="off"
          maxLength={128}
          error={errorOf('secret')}
          visibilityToggleButtonProps={{ 'aria-label': t('approval.showSecret') }}
          data-testid="approval-secret"
          {...register('secret')}
        />
        {control.error !== undefined && <ErrorNotice error={control.error} testId="approval-error" />}
      </Stack>
    </Fieldset>
  );
}

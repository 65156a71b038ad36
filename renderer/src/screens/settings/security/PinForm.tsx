// Setting or changing the operator PIN (the lock screen's PIN). The fields are emptied after every attempt:
// a PIN does not stay in the page.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { cardDesk } from '../../../api/bridge.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { useFieldError, wordsByField } from '../../../components/field-error.ts';
import { ErrorNotice } from '../../../components/Notice.tsx';
import { pinFormSchema, type PinFormValues } from './pin-form.ts';

const EMPTY: PinFormValues = { currentPin: '', newPin: '', repeatPin: '' };
const WORDS = wordsByField({
  currentPin: 'settings:security.pinFormat',
  newPin: 'settings:security.pinFormat',
  repeatPin: 'settings:security.pinMismatch',
});

export function PinForm({
  pinSet,
  onSaved,
}: {
  pinSet: boolean;
  /** false when an attempt starts, true once it succeeded (the form is replaced when the PIN becomes set). */
  onSaved: (saved: boolean) => void;
}): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  const queryClient = useQueryClient();
  const {
    register,
    handleSubmit,
    reset,
    setFocus,
    formState: { errors },
  } = useForm<PinFormValues>({ resolver: zodResolver(pinFormSchema(pinSet)), defaultValues: EMPTY });
  const errorOf = useFieldError(errors, WORDS);
  const save = useMutation({
    mutationFn: ({ currentPin, newPin }: PinFormValues) =>
      cardDesk().session.setPin(pinSet ? { currentPin, newPin } : { newPin }),
    onMutate: () => {
      onSaved(false);
    },
    onSuccess: (state) => {
      onSaved(true);
      // The frame's Lock button follows the session query.
      queryClient.setQueryData(queryKeys.session, state);
    },
    onSettled: (_state, error) => {
      reset(EMPTY);
      if (error !== null) setFocus(pinSet ? 'currentPin' : 'newPin');
    },
  });
  const pinProps = {
    inputMode: 'numeric' as const,
    autoComplete: 'off',
    maxLength: 12,
    required: true,
    visibilityToggleButtonProps: { 'aria-label': t('security.showPin') },
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        void handleSubmit((values) => {
          save.mutate(values);
        })(event);
      }}
      data-testid="pin-form"
    >
      <Stack gap="sm" className="settings-narrow">
        {pinSet && (
          <PasswordInput
            label={t('security.currentPin')}
            error={errorOf('currentPin')}
            data-testid="pin-current"
            {...pinProps}
            {...register('currentPin')}
          />
        )}
        <PasswordInput
          label={t('security.newPin')}
          description={t('security.pinHint')}
          error={errorOf('newPin')}
          data-testid="pin-new"
          {...pinProps}
          {...register('newPin')}
        />
        <PasswordInput
          label={t('security.repeatPin')}
          error={errorOf('repeatPin')}
          data-testid="pin-repeat"
          {...pinProps}
          {...register('repeatPin')}
        />
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="pin-save">
            {pinSet ? t('security.changePin') : t('security.setPin')}
          </Button>
        </Group>
        {save.error !== null && <ErrorNotice error={save.error} testId="pin-result" />}
      </Stack>
    </form>
  );
}

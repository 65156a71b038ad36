// Setting or changing the operator PIN (the lock screen's PIN). The fields are emptied after every attempt:
// a PIN does not stay in the page.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ArgsOf, SessionState } from '../../../../../common/contract/index.ts';
import type { Write } from '../../../api/use-write.ts';
import { useFieldError, wordsByField } from '../../../components/field-error.ts';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { pinFormSchema, type PinFormValues } from './pin-form.ts';

const EMPTY: PinFormValues = { currentPin: '', newPin: '', repeatPin: '' };
const WORDS = wordsByField({
  currentPin: 'settings:security.pinFormat',
  newPin: 'settings:security.pinFormat',
  repeatPin: 'settings:security.pinMismatch',
});

export function PinForm({
  pinSet,
  save,
}: {
  pinSet: boolean;
  /** The caller's write: it outlives this form, which is replaced when the PIN becomes set, to say it was saved. */
  save: Write<ArgsOf<'session.setPin'>, SessionState>;
}): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  const {
    register,
    handleSubmit,
    reset,
    setFocus,
    formState: { errors },
  } = useForm<PinFormValues>({ resolver: zodResolver(pinFormSchema(pinSet)), defaultValues: EMPTY });
  const errorOf = useFieldError(errors, WORDS);
  const submit = async ({ currentPin, newPin }: PinFormValues): Promise<void> => {
    const state = await save.run(pinSet ? { currentPin, newPin } : { newPin });
    reset(EMPTY);
    if (state === undefined) setFocus(pinSet ? 'currentPin' : 'newPin');
  };
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
        void handleSubmit(submit)(event);
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
          <Button type="submit" loading={save.busy} data-testid="pin-save">
            {pinSet ? t('security.changePin') : t('security.setPin')}
          </Button>
        </Group>
        <WriteOutcome write={save} only="problems" testId="pin-result" />
      </Stack>
    </form>
  );
}

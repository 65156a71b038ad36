// Changing the signed-in operator's own PIN or passphrase. The fields are emptied after every attempt: a secret
// does not stay in the page.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useChangeSecret } from '../../../api/session.ts';
import { useFieldError, wordsByField } from '../../../components/field-error.ts';
import { SecretPairFields } from '../../../components/SecretPairFields.tsx';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { ownSecretSchema, type OwnSecretValues } from './own-secret-form.ts';

const EMPTY: OwnSecretValues = { currentSecret: '', newSecret: '', repeat: '' };
const WORDS = wordsByField({
  currentSecret: 'lock:secretRequired',
  newSecret: 'lock:secretFormat',
  repeat: 'lock:secretMismatch',
});

export function OwnSecretForm(): ReactElement {
  const { t } = useTranslation(['settings', 'lock', 'common']);
  const save = useChangeSecret();
  const {
    register,
    handleSubmit,
    reset,
    setFocus,
    formState: { errors },
  } = useForm<OwnSecretValues>({ resolver: zodResolver(ownSecretSchema), defaultValues: EMPTY });
  const errorOf = useFieldError(errors, WORDS);
  const submit = async ({ currentSecret, newSecret }: OwnSecretValues): Promise<void> => {
    reset(EMPTY);
    const state = await save.run({ currentSecret, newSecret });
    if (state === undefined) setFocus('currentSecret');
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        void handleSubmit(submit)(event);
      }}
      data-testid="own-secret-form"
    >
      <Stack gap="sm" className="settings-narrow">
        <PasswordInput
          label={t('security.currentSecret')}
          error={errorOf('currentSecret')}
          data-testid="own-secret-current"
          autoComplete="off"
          maxLength={128}
          required
          visibilityToggleButtonProps={{ 'aria-label': t('lock:showSecret') }}
          {...register('currentSecret')}
        />
        <SecretPairFields
          secret={register('newSecret')}
          repeat={register('repeat')}
          errors={{ secret: errorOf('newSecret'), repeat: errorOf('repeat') }}
          testIds={{ secret: 'own-secret-new', repeat: 'own-secret-repeat' }}
          required
        />
        <Group>
          <Button type="submit" loading={save.busy} data-testid="own-secret-save">
            {t('security.changeSecret')}
          </Button>
        </Group>
        <WriteOutcome write={save} done={t('security.secretSaved')} testId="own-secret-result" />
      </Stack>
    </form>
  );
}

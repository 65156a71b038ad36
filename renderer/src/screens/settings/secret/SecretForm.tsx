// Write-only merchant secret: typed (or pasted) once, sent to main for the keychain, and the field is emptied
// as soon as it is saved. Nothing can read a secret back, so nothing here ever shows one.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../../../common/contract/index.ts';
import { useSetSecret } from '../../../api/profiles.ts';
import { useFieldError, wordsByField } from '../../../components/field-error.ts';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { ApprovalSection } from '../../../components/approval/ApprovalSection.tsx';
import { useApproval, withoutApprovalError } from '../../../components/approval/use-approval.ts';

const secretFormSchema = z.object({ secret: contract['vault.setSecret'].args.shape.secret });
type SecretFormInput = z.input<typeof secretFormSchema>;
const WORDS = wordsByField({ secret: 'settings:secret.fieldError' });

export function SecretForm({ profileId }: { profileId: string }): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<SecretFormInput>({ resolver: zodResolver(secretFormSchema), defaultValues: { secret: '' } });
  const errorOf = useFieldError(errors, WORDS);
  const save = useSetSecret(profileId);
  const approval = useApproval('vault.setSecret', save.error);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        void handleSubmit(async (values) => {
          // A second operator's approval where dual control asks for one (docs/operator-ui.md, approvals).
          const second = await approval.take();
          if (second === null) return;
          // Once saved, the secret leaves the page: the field (and the form's copy) is emptied at once.
          if ((await save.run({ secret: values.secret, ...second })) !== undefined) {
            reset({ secret: '' });
            approval.reset();
          }
        })(event);
      }}
      data-testid="secret-form"
    >
      <Stack gap="sm">
        <PasswordInput
          label={t('secret.field')}
          description={t('secret.fieldHint')}
          required
          autoComplete="off"
          error={errorOf('secret')}
          visibilityToggleButtonProps={{ 'aria-label': t('secret.toggle') }}
          data-testid="secret-input"
          className="secret-input"
          {...register('secret')}
        />
        <ApprovalSection control={approval} />
        <Group>
          <Button type="submit" loading={save.busy} data-testid="secret-save">
            {t('secret.save')}
          </Button>
        </Group>
        <WriteOutcome write={withoutApprovalError(save)} done={t('secret.saved')} testId="secret-save-result" />
      </Stack>
    </form>
  );
}

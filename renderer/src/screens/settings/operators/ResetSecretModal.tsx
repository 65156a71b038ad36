// Resetting an operator's PIN or passphrase (which also clears their wrong-attempt back-off): the new one typed
// twice, emptied from the form after every attempt.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OperatorView } from '../../../../../common/contract/index.ts';
import { useResetOperatorSecret } from '../../../api/operators.ts';
import { ApprovalSection } from '../../../components/approval/ApprovalSection.tsx';
import { useApproval, withoutApprovalError } from '../../../components/approval/use-approval.ts';
import { useFieldError, wordsByField } from '../../../components/field-error.ts';
import { SecretPairFields } from '../../../components/SecretPairFields.tsx';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { resetSecretSchema, type ResetSecretValues } from './operator-forms.ts';

const EMPTY: ResetSecretValues = { secret: '', repeat: '' };
const WORDS = wordsByField({ secret: 'lock:secretFormat', repeat: 'lock:secretMismatch' });

export function ResetSecretModal({
  operator,
  onClose,
}: {
  operator: OperatorView | undefined;
  onClose: (done?: OperatorView) => void;
}): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  return (
    <Modal
      opened={operator !== undefined}
      onClose={() => {
        onClose();
      }}
      title={t('operators.resetTitle', { name: operator?.name ?? '' })}
      centered
      lockScroll={false}
      closeButtonProps={{ 'aria-label': t('common:action.close') }}
    >
      {operator !== undefined && <ResetSecretForm operator={operator} onClose={onClose} />}
    </Modal>
  );
}

function ResetSecretForm({
  operator,
  onClose,
}: {
  operator: OperatorView;
  onClose: (done?: OperatorView) => void;
}): ReactElement {
  const { t } = useTranslation(['settings', 'lock', 'common']);
  const reset = useResetOperatorSecret();
  const approval = useApproval('operators.resetSecret', reset.error);
  const {
    register,
    handleSubmit,
    reset: empty,
    formState: { errors },
  } = useForm<ResetSecretValues>({ resolver: zodResolver(resetSecretSchema), defaultValues: EMPTY });
  const errorOf = useFieldError(errors, WORDS);
  const submit = async ({ secret }: ResetSecretValues): Promise<void> => {
    empty(EMPTY);
    const second = await approval.take();
    if (second === null) return;
    const done = await reset.run({ operatorId: operator.id, secret, ...second });
    if (done !== undefined) onClose(done);
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        void handleSubmit(submit)(event);
      }}
      data-testid="operator-reset-form"
    >
      <Stack gap="sm">
        <Text size="sm">{t('operators.resetBody', { name: operator.name, id: operator.id })}</Text>
        <SecretPairFields
          secret={register('secret')}
          repeat={register('repeat')}
          errors={{ secret: errorOf('secret'), repeat: errorOf('repeat') }}
          testIds={{ secret: 'operator-reset-secret', repeat: 'operator-reset-repeat' }}
          modalFocus
        />
        <ApprovalSection control={approval} />
        <WriteOutcome write={withoutApprovalError(reset)} only="problems" testId="operator-reset-error" />
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              onClose();
            }}
          >
            {t('common:action.cancel')}
          </Button>
          <Button type="submit" loading={reset.busy} data-testid="operator-reset-save">
            {t('operators.reset')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

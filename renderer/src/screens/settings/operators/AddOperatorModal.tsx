// Adding an operator: id, name, roles and a first PIN or passphrase typed twice (which the operator may change
// after signing in). The secrets are emptied from the form after every attempt.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import type { ReactElement } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../../common/contract/index.ts';
import { useAddOperator } from '../../../api/operators.ts';
import { ApprovalSection } from '../../../components/approval/ApprovalSection.tsx';
import { useApproval, withoutApprovalError } from '../../../components/approval/use-approval.ts';
import { useFieldError, wordsByField } from '../../../components/field-error.ts';
import { SecretPairFields } from '../../../components/SecretPairFields.tsx';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { addOperatorSchema, type AddOperatorValues } from './operator-forms.ts';

const EMPTY: AddOperatorValues = { operatorId: '', name: '', roles: ['teller'], secret: '', repeat: '' };
const WORDS = wordsByField({
  operatorId: 'lock:operatorIdFormat',
  name: 'lock:nameRequired',
  roles: 'settings:operators.rolesRequired',
  secret: 'lock:secretFormat',
  repeat: 'lock:secretMismatch',
});

export function AddOperatorModal({ opened, onClose }: { opened: boolean; onClose: () => void }): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('operators.addTitle')}
      centered
      // Mantine's scroll lock injects a <style> element, which the CSP refuses.
      lockScroll={false}
      closeButtonProps={{ 'aria-label': t('common:action.close') }}
    >
      {opened && <AddOperatorForm onClose={onClose} />}
    </Modal>
  );
}

function AddOperatorForm({ onClose }: { onClose: () => void }): ReactElement {
  const { t } = useTranslation(['settings', 'lock', 'common']);
  const add = useAddOperator();
  const approval = useApproval('operators.add', add.error);
  const {
    register,
    control,
    handleSubmit,
    resetField,
    formState: { errors },
  } = useForm<AddOperatorValues>({ resolver: zodResolver(addOperatorSchema), defaultValues: EMPTY });
  const errorOf = useFieldError(errors, WORDS);
  const submit = async ({ operatorId, name, roles, secret }: AddOperatorValues): Promise<void> => {
    resetField('secret');
    resetField('repeat');
    const second = await approval.take();
    if (second === null) return;
    if ((await add.run({ operatorId, name, roles, secret, ...second })) !== undefined) onClose();
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        void handleSubmit(submit)(event);
      }}
      data-testid="operator-form"
    >
      <Stack gap="sm">
        <TextInput
          label={t('lock:operatorId')}
          description={t('lock:operatorIdHint')}
          autoComplete="off"
          data-autofocus
          error={errorOf('operatorId')}
          data-testid="operator-id"
          {...register('operatorId')}
        />
        <TextInput
          label={t('lock:name')}
          autoComplete="off"
          error={errorOf('name')}
          data-testid="operator-name"
          {...register('name')}
        />
        <Controller
          control={control}
          name="roles"
          render={({ field }) => (
            <Checkbox.Group
              label={t('operators.columns.roles')}
              description={t('operators.rolesHint')}
              value={field.value}
              onChange={field.onChange}
              error={errorOf('roles')}
              data-testid="operator-roles"
            >
              <Group gap="md" mt="xs">
                {ROLES.map((role) => (
                  <Checkbox key={role} value={role} label={t(`common:role.${role}`)} data-testid={`role-${role}`} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
        />
        <SecretPairFields
          secret={register('secret')}
          repeat={register('repeat')}
          errors={{ secret: errorOf('secret'), repeat: errorOf('repeat') }}
          testIds={{ secret: 'operator-secret', repeat: 'operator-repeat' }}
        />
        <ApprovalSection control={approval} />
        <WriteOutcome write={withoutApprovalError(add)} only="problems" testId="operator-add-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:action.cancel')}
          </Button>
          <Button type="submit" loading={add.busy} data-testid="operator-save">
            {t('operators.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

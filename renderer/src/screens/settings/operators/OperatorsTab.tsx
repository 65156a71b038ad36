// Operators, for administrators (docs/operator-ui.md, the operators screen): the list, adding one, disabling or
// enabling one after a confirmation, resetting one's secret. Accounts from the policy or a provisioning file are
// read-only here.
import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorView } from '../../../../../common/contract/index.ts';
import { useOperators, useSetOperatorEnabled } from '../../../api/operators.ts';
import { useCan } from '../../../api/rights.ts';
import { useSession } from '../../../api/shared-queries.ts';
import { ApprovalSection } from '../../../components/approval/ApprovalSection.tsx';
import { useApproval, withoutApprovalError } from '../../../components/approval/use-approval.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { ErrorNotice } from '../../../components/Notice.tsx';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { AddOperatorModal } from './AddOperatorModal.tsx';
import { OperatorTable } from './OperatorTable.tsx';
import { ResetSecretModal } from './ResetSecretModal.tsx';

export function OperatorsTab(): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  const operators = useOperators();
  const self = useSession().data?.operator?.id;
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const [toggling, setToggling] = useState<OperatorView | undefined>();
  const [resetting, setResetting] = useState<OperatorView | undefined>();
  const [resetDone, setResetDone] = useState<OperatorView | undefined>();
  const toggle = useSetOperatorEnabled();
  // Only disabling may need a second operator; enabling gives nobody more than they had.
  const approval = useApproval('operators.disable', toggle.error);
  const disabling = toggling?.enabled === true;

  const confirmToggle = async (operator: OperatorView): Promise<void> => {
    const second = disabling ? await approval.take() : {};
    if (second === null) return;
    const done = await toggle.run(
      operator.enabled
        ? { enable: false, operatorId: operator.id, ...second }
        : { enable: true, operatorId: operator.id },
    );
    if (done !== undefined) {
      setToggling(undefined);
      approval.reset();
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} className="settings-section-title">
          {t('operators.title')}
        </Title>
        {can.call('operators.add') && (
          <Button
            onClick={() => {
              toggle.clear();
              setResetDone(undefined);
              setAdding(true);
            }}
            data-testid="operator-add"
          >
            {t('operators.add')}
          </Button>
        )}
      </Group>
      <Text className="settings-note">{t('operators.note')}</Text>
      {operators.error !== null && <ErrorNotice error={operators.error} testId="operators-error" />}
      {operators.data === undefined && operators.error === null && (
        <Loader size="sm" aria-label={t('common:state.loading')} />
      )}
      {operators.data !== undefined && (
        <OperatorTable
          operators={operators.data}
          actions={{
            self,
            onToggle: (operator) => {
              toggle.clear();
              setResetDone(undefined);
              setToggling(operator);
            },
            onReset: (operator) => {
              toggle.clear();
              setResetDone(undefined);
              setResetting(operator);
            },
          }}
        />
      )}
      {toggling === undefined && (
        <WriteOutcome
          write={toggle}
          done={(operator) =>
            t(operator.enabled ? 'operators.done.enabled' : 'operators.done.disabled', { name: operator.name })
          }
          testId="operators-result"
        />
      )}
      {resetDone !== undefined && (
        <Text role="status" data-testid="operators-result">
          {t('operators.done.reset', { name: resetDone.name })}
        </Text>
      )}
      <AddOperatorModal
        opened={adding}
        onClose={() => {
          setAdding(false);
        }}
      />
      <ResetSecretModal
        operator={resetting}
        onClose={(done) => {
          setResetting(undefined);
          setResetDone(done);
        }}
      />
      <ConfirmDialog
        opened={toggling !== undefined}
        title={t(disabling ? 'operators.disableTitle' : 'operators.enableTitle', { name: toggling?.name ?? '' })}
        confirmLabel={t(disabling ? 'operators.disable' : 'operators.enable')}
        busy={toggle.busy}
        onConfirm={() => {
          if (toggling !== undefined) void confirmToggle(toggling);
        }}
        onCancel={() => {
          setToggling(undefined);
          toggle.clear();
          approval.reset();
        }}
      >
        <Text size="sm">
          {t(disabling ? 'operators.disableBody' : 'operators.enableBody', { name: toggling?.name ?? '' })}
        </Text>
        {disabling && <ApprovalSection control={approval} />}
        <WriteOutcome write={withoutApprovalError(toggle)} only="problems" testId="operator-toggle-error" />
      </ConfirmDialog>
    </Stack>
  );
}

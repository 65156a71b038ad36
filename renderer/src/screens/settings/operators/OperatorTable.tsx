// The operators of this workstation: id, name, roles, enabled, where the account comes from, locked until. Rows
// from the policy or a provisioning file are read-only here (their source is managed elsewhere).
import { Button, Group, Table, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorView } from '../../../../../common/contract/index.ts';
import { rolesText } from '../../../app/OperatorMenu.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { useLanguage } from '../../../i18n/use-language.ts';
import { useNow } from '../../../components/use-now.ts';

/** An action's label wraps in its cell: "Reset PIN or password" is long in some languages. */
const WRAPPING = { root: 'settings-wrap-button', label: 'settings-wrap-button-label' };

export interface OperatorActions {
  onToggle: (operator: OperatorView) => void;
  onReset: (operator: OperatorView) => void;
  /** The signed-in operator, who cannot disable themself. */
  self: string | undefined;
}

export function OperatorTable({
  operators,
  actions,
}: {
  operators: OperatorView[];
  actions: OperatorActions;
}): ReactElement {
  const { t } = useTranslation(['settings', 'common']);
  const language = useLanguage();
  // "Locked until" goes once its time has passed.
  const now = useNow(true, 30_000);
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped aria-label={t('operators.tableLabel')} data-testid="operators-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('operators.columns.id')}</Table.Th>
            <Table.Th scope="col">{t('operators.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('operators.columns.roles')}</Table.Th>
            <Table.Th scope="col">{t('operators.columns.state')}</Table.Th>
            <Table.Th scope="col">{t('operators.columns.source')}</Table.Th>
            <Table.Th scope="col">{t('operators.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {operators.map((operator) => {
            const editable = operator.source === 'workstation';
            const locked = operator.lockedUntil !== null && operator.lockedUntil > now;
            return (
              <Table.Tr key={operator.id} data-testid="operator-row" data-operator-id={operator.id}>
                <Table.Th scope="row">{operator.id}</Table.Th>
                <Table.Td>{operator.name}</Table.Td>
                <Table.Td>{rolesText(t, operator.roles)}</Table.Td>
                <Table.Td data-testid="operator-state">
                  <Text span size="sm" fw={600}>
                    {t(operator.enabled ? 'operators.enabled' : 'operators.disabled')}
                  </Text>
                  {locked && operator.lockedUntil !== null && (
                    <div className="settings-note" data-testid="operator-locked-until">
                      {t('operators.lockedUntil', { time: formatDateTime(operator.lockedUntil, language) })}
                    </div>
                  )}
                </Table.Td>
                <Table.Td>{t(`operators.source.${operator.source}`)}</Table.Td>
                <Table.Td>
                  {editable ? (
                    <Group gap="xs" wrap="wrap">
                      <Button
                        size="xs"
                        variant="default"
                        classNames={WRAPPING}
                        disabled={operator.id === actions.self}
                        onClick={() => {
                          actions.onToggle(operator);
                        }}
                        aria-label={`${t(operator.enabled ? 'operators.disable' : 'operators.enable')}: ${operator.name}`}
                        data-testid="operator-toggle"
                      >
                        {t(operator.enabled ? 'operators.disable' : 'operators.enable')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        classNames={WRAPPING}
                        onClick={() => {
                          actions.onReset(operator);
                        }}
                        aria-label={`${t('operators.reset')}: ${operator.name}`}
                        data-testid="operator-reset"
                      >
                        {t('operators.reset')}
                      </Button>
                    </Group>
                  ) : (
                    <span className="settings-note">{t('operators.readOnly')}</span>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

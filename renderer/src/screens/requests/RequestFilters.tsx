// Filters of the Requests screen: state chips (open work and "not received" by default, or all), operation,
// operator, free text. The chips are checkboxes in a labelled group, so they work with Tab and Space.
import { Chip, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENTION_STATES, ENTRY_STATES } from '../../../../common/contract/index.ts';
import { OperatorFilterField } from '../../components/OperatorFilterField.tsx';
import { opLabel } from '../../i18n/op-names.ts';
import type { RequestFilterValue } from './request-filter.ts';

export function RequestFilters({
  value,
  onChange,
  ops,
}: {
  value: RequestFilterValue;
  onChange: (value: RequestFilterValue) => void;
  /** Operation ids to offer. */
  ops: readonly string[];
}): ReactElement {
  const { t } = useTranslation(['requests', 'common']);
  const all = value.states.length === ENTRY_STATES.length;
  return (
    <Stack gap="xs" className="requests-toolbar">
      <Group gap="xs" role="group" aria-label={t('filters.states')} data-testid="state-chips">
        <Chip
          size="sm"
          variant="outline"
          checked={all}
          onChange={(checked) => {
            onChange({ ...value, states: checked ? [...ENTRY_STATES] : [...ATTENTION_STATES] });
          }}
          data-testid="state-chip-all"
        >
          {t('filters.all')}
        </Chip>
        <Chip.Group
          multiple
          value={value.states}
          onChange={(states) => {
            onChange({ ...value, states: ENTRY_STATES.filter((s) => states.includes(s)) });
          }}
        >
          {ENTRY_STATES.map((state) => (
            <Chip key={state} value={state} size="sm" variant="outline" data-testid={`state-chip-${state}`}>
              {t(`common:entryState.${state}`)}
            </Chip>
          ))}
        </Chip.Group>
      </Group>
      <Group gap="sm" align="flex-end">
        <NativeSelect
          label={t('filters.operation')}
          value={value.op}
          onChange={(event) => {
            onChange({ ...value, op: event.currentTarget.value });
          }}
          data={[
            { value: '', label: t('filters.anyOperation') },
            ...ops.map((op) => ({ value: op, label: opLabel(t, op) })),
          ]}
          data-testid="op-filter"
        />
        <OperatorFilterField
          label={t('filters.operator')}
          value={value.operatorId ?? ''}
          onChange={(event) => {
            onChange({ ...value, operatorId: event.currentTarget.value });
          }}
          data-testid="operator-filter"
        />
        <TextInput
          className="requests-filter-text"
          label={t('common:table.filter')}
          placeholder={t('filters.textHint')}
          value={value.text}
          onChange={(event) => {
            onChange({ ...value, text: event.currentTarget.value });
          }}
          data-testid="text-filter"
        />
      </Group>
    </Stack>
  );
}

// The Operations tab's search form: date range (local days), operation, outcome, profile, text. Enter searches;
// an invalid field keeps the input, says why next to it and takes focus.
import { zodResolver } from '@hookform/resolvers/zod';
import { Group, NativeSelect, TextInput } from '@mantine/core';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ENTRY_STATES } from '../../../../common/contract/index.ts';
import { useProfiles } from '../../api/shared-queries.ts';
import { JOURNALED_OPS, opLabel } from '../../i18n/op-names.ts';
import { useFieldError } from '../../components/field-error.ts';
import { OperatorFilterField } from '../../components/OperatorFilterField.tsx';
import {
  EMPTY_OPERATIONS_FILTER,
  FILTER_WORDS,
  operationsFilterSchema,
  type OperationsFilter,
} from './filter-schemas.ts';
import { DateRangeFields, FilterButtons } from './FilterParts.tsx';

export function OperationsFilterForm({
  onSearch,
  busy,
}: {
  onSearch: (filter: OperationsFilter) => void;
  busy: boolean;
}): ReactElement {
  const { t } = useTranslation(['journal', 'common']);
  const profiles = useProfiles();
  const {
    register,
    control,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm({ resolver: zodResolver(operationsFilterSchema), defaultValues: EMPTY_OPERATIONS_FILTER });
  const errorOf = useFieldError(errors, FILTER_WORDS);

  const outcomes = [
    { value: 'any', label: t('filters.anyOutcome') },
    { value: 'open', label: t('filters.openOutcome') },
    ...ENTRY_STATES.map((state) => ({ value: state, label: t(`common:entryState.${state}`) })),
  ];
  return (
    <form
      noValidate
      className="journal-filters"
      aria-label={t('filters.operationsLabel')}
      onSubmit={(event) => void handleSubmit(onSearch)(event)}
      data-testid="operations-filters"
    >
      <Group gap="sm" align="flex-start">
        <DateRangeFields control={control} errorOf={errorOf} testId="operations" />
        <NativeSelect
          className="journal-op"
          label={t('filters.operation')}
          data={[
            { value: '', label: t('filters.anyOperation') },
            ...JOURNALED_OPS.map((op) => ({ value: op, label: opLabel(t, op) })),
          ]}
          data-testid="journal-op"
          {...register('op')}
        />
        <NativeSelect
          label={t('filters.outcome')}
          data={outcomes}
          data-testid="journal-outcome"
          {...register('outcome')}
        />
        <NativeSelect
          label={t('filters.profile')}
          data={[
            { value: '', label: t('filters.anyProfile') },
            ...(profiles.data ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
          data-testid="journal-profile"
          {...register('profileId')}
        />
      </Group>
      <Group gap="sm" mt="xs" align="flex-start">
        <OperatorFilterField
          label={t('filters.operator')}
          error={errorOf('operatorId')}
          data-testid="journal-operator"
          {...register('operatorId')}
        />
        <TextInput
          className="journal-text"
          label={t('filters.text')}
          placeholder={t('filters.textHint')}
          error={errorOf('text')}
          data-testid="journal-text"
          {...register('text')}
        />
        <FilterButtons
          busy={busy}
          testId="journal-search"
          onReset={() => {
            reset(EMPTY_OPERATIONS_FILTER);
            onSearch(EMPTY_OPERATIONS_FILTER);
          }}
        />
      </Group>
    </form>
  );
}

// The Audit tab's search form: date range (local days), action and operator (who made or approved it).
import { zodResolver } from '@hookform/resolvers/zod';
import { Group, NativeSelect } from '@mantine/core';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, auditActionLabel } from '../../i18n/op-names.ts';
import { useFieldError } from '../../components/field-error.ts';
import { OperatorFilterField } from '../../components/OperatorFilterField.tsx';
import { DateRangeFields, FilterButtons } from './FilterParts.tsx';
import { auditFilterSchema, EMPTY_AUDIT_FILTER, FILTER_WORDS, type AuditFilter } from './filter-schemas.ts';

export function AuditFilterForm({
  onSearch,
  busy,
}: {
  onSearch: (filter: AuditFilter) => void;
  busy: boolean;
}): ReactElement {
  const { t } = useTranslation(['journal', 'common']);
  const {
    register,
    control,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm({ resolver: zodResolver(auditFilterSchema), defaultValues: EMPTY_AUDIT_FILTER });
  const errorOf = useFieldError(errors, FILTER_WORDS);
  return (
    <form
      noValidate
      className="journal-filters"
      aria-label={t('filters.auditLabel')}
      onSubmit={(event) => void handleSubmit(onSearch)(event)}
      data-testid="audit-filters"
    >
      <Group gap="sm" align="flex-end">
        <DateRangeFields control={control} errorOf={errorOf} testId="audit" />
        <NativeSelect
          label={t('filters.action')}
          data={[
            { value: '', label: t('filters.anyAction') },
            ...AUDIT_ACTIONS.map((action) => ({ value: action, label: auditActionLabel(t, action) })),
          ]}
          data-testid="audit-action"
          {...register('action')}
        />
        <OperatorFilterField
          label={t('filters.operator')}
          error={errorOf('operatorId')}
          data-testid="audit-operator"
          {...register('operatorId')}
        />
        <FilterButtons
          busy={busy}
          testId="audit-search"
          onReset={() => {
            reset(EMPTY_AUDIT_FILTER);
            onSearch(EMPTY_AUDIT_FILTER);
          }}
        />
      </Group>
    </form>
  );
}

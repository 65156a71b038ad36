// The parts both Journal search forms (Operations, Audit) are made of: the range of local days and the Search /
// Reset buttons. Each form keeps its own fields and layout.
import { Button } from '@mantine/core';
import type { ReactElement } from 'react';
import type { Control, FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';

interface DateRange {
  from: string;
  to: string;
}

/** From and To; their test ids are `<testId>-from` and `<testId>-to`. */
export function DateRangeFields<T extends DateRange>({
  control,
  errorOf,
  testId,
}: {
  control: Control<T>;
  errorOf: (field: keyof DateRange) => string | undefined;
  testId: string;
}): ReactElement {
  const { t } = useTranslation('journal');
  return (
    <>
      {(['from', 'to'] as const).map((edge) => (
        <DateField
          key={edge}
          control={control}
          // Every filter holds the range: T extends it.
          name={edge as FieldPath<T>}
          label={t(`filters.${edge}`)}
          error={errorOf(edge)}
          testId={`${testId}-${edge}`}
        />
      ))}
    </>
  );
}

/** Search submits the form; Reset empties it and searches for everything. */
export function FilterButtons({
  busy,
  testId,
  onReset,
}: {
  busy: boolean;
  testId: string;
  onReset: () => void;
}): ReactElement {
  const { t } = useTranslation('journal');
  return (
    <>
      <Button type="submit" loading={busy} data-testid={testId}>
        {t('filters.search')}
      </Button>
      <Button variant="default" onClick={onReset}>
        {t('filters.reset')}
      </Button>
    </>
  );
}

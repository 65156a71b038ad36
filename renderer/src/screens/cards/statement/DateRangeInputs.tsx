// From/to calendar days of a statement (local dates; sent as the start and end of those days with the offset).
import { Group } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { DateValueInput } from '../../../components/DateField.tsx';

export interface DateRange {
  from: string;
  to: string;
}

export function rangeProblem(range: DateRange): 'invalid' | 'order' | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(range.from) || !/^\d{4}-\d{2}-\d{2}$/.test(range.to)) return 'invalid';
  return range.from > range.to ? 'order' : null;
}

export function DateRangeInputs({
  range,
  onChange,
}: {
  range: DateRange;
  onChange: (range: DateRange) => void;
}): ReactElement {
  const { t } = useTranslation('cards');
  const problem = rangeProblem(range);
  return (
    <Group align="flex-start" gap="sm">
      <DateValueInput
        label={t('statement.from')}
        value={range.from}
        max={range.to}
        onChange={(from) => {
          onChange({ ...range, from });
        }}
        error={problem === null ? undefined : t(`statement.range.${problem}`)}
        testId="statement-from"
      />
      <DateValueInput
        label={t('statement.to')}
        value={range.to}
        min={range.from}
        onChange={(to) => {
          onChange({ ...range, to });
        }}
        testId="statement-to"
      />
    </Group>
  );
}

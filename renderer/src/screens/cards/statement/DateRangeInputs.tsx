// From/to calendar days of a statement (local dates; sent as the start and end of those days with the offset).
import { Group, TextInput } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

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
      <TextInput
        type="date"
        label={t('statement.from')}
        value={range.from}
        max={range.to}
        onChange={(event) => {
          onChange({ ...range, from: event.currentTarget.value });
        }}
        error={problem === null ? undefined : t(`statement.range.${problem}`)}
        data-testid="statement-from"
      />
      <TextInput
        type="date"
        label={t('statement.to')}
        value={range.to}
        min={range.from}
        onChange={(event) => {
          onChange({ ...range, to: event.currentTarget.value });
        }}
        data-testid="statement-to"
      />
    </Group>
  );
}

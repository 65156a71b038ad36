// What an empty table says (docs/operator-ui.md, frame and navigation): "nothing yet" only when there is
// nothing at all; when rows exist but the filter hides them, how many and a button to clear the filter.
import { Button, Group, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.ts';
import { useLanguage } from '../i18n/use-language.ts';

export function FilteredEmpty({
  total,
  nothingYet,
  onClear,
  testId,
}: {
  /** Rows there are without the filter; undefined while not yet counted; 'unknown' when it cannot be counted. */
  total: number | 'unknown' | undefined;
  /** The sentence for no rows at all. */
  nothingYet: string;
  /** Clears the filter; absent when the filter cannot be cleared from here. */
  onClear?: () => void;
  testId?: string;
}): ReactElement | null {
  const { t } = useTranslation('common');
  const language = useLanguage();
  if (total === undefined) return null;
  if (total === 0) {
    return (
      <Text className="table-empty" role="status" data-testid={testId} data-empty="nothing">
        {nothingYet}
      </Text>
    );
  }
  return (
    <Group className="table-empty" role="status" gap="sm" data-testid={testId} data-empty="filtered">
      <Text size="sm">
        {total === 'unknown' ? t('table.noneMatch') : t('table.filteredOut', { hidden: formatNumber(total, language) })}
      </Text>
      {onClear && (
        <Button size="xs" variant="default" onClick={onClear} data-testid={testId && `${testId}-clear`}>
          {t('table.clearFilter')}
        </Button>
      )}
    </Group>
  );
}

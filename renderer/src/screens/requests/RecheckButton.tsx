// "Re-check now" in a table row: only for open entries. It keeps Enter, Space and clicks to itself, so using it
// does not also open the row's details.
import { Button } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isOpenState, type JournalEntryView } from '../../../../common/contract/index.ts';
import { opLabel } from '../../i18n/op-names.ts';
import { shortId } from './entry-view.ts';

export function RecheckButton({
  entry,
  busy,
  onRecheck,
}: {
  entry: JournalEntryView;
  busy: boolean;
  onRecheck: () => void;
}): ReactElement | null {
  const { t } = useTranslation('requests');
  if (!isOpenState(entry.state)) return null;
  return (
    <Button
      size="compact-xs"
      variant="light"
      loading={busy}
      aria-label={t('recheck.actionFor', { op: opLabel(t, entry.op), id: shortId(entry.requestId) })}
      data-testid="row-recheck"
      onClick={(event) => {
        event.stopPropagation();
        onRecheck();
      }}
      onKeyDown={(event) => {
        event.stopPropagation();
      }}
    >
      {t('recheck.action')}
    </Button>
  );
}

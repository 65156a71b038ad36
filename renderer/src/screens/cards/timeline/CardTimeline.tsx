// The card's timeline: every operation on the card this workstation sent (its status changes and other actions),
// newest first, with its reason, time, operator (and approver) and outcome, narrowed to one operator on demand,
// read from the journal a page at a time and kept live by the journal's events (api/card-timeline.ts;
// docs/operator-ui.md, clients and cards). A done issue, PIN set or closing prints its confirmation again.
import { ActionIcon, Group, Paper, Text, Title } from '@mantine/core';
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { useCallback, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { operatorIdSchema, type JournalEntryView } from '../../../../../common/contract/index.ts';
import { useCardTimeline } from '../../../api/card-timeline.ts';
import { PrinterIcon } from '../../../components/LineIcon.tsx';
import { ErrorNotice } from '../../../components/Notice.tsx';
import { OperatorFilterField } from '../../../components/OperatorFilterField.tsx';
import { madeByIds, madeByText } from '../../../components/operator-words.ts';
import { useSettled } from '../../../components/use-settled.ts';
import { VirtualTable } from '../../../components/VirtualTable.tsx';
import { ConfirmationPreview, confirmationOfOp } from '../../../print/ConfirmationPrint.tsx';
import { formatShortDateTime } from '../../../i18n/format.ts';
import type { Language } from '../../../i18n/languages.ts';
import { opLabel } from '../../../i18n/op-names.ts';
import { useLanguage } from '../../../i18n/use-language.ts';
import { StateBadge } from '../../requests/StateBadge.tsx';
import { printedReason, reasonOf, refusalOf } from './timeline-words.ts';

const ROW_HEIGHT = 36;
const MAX_HEIGHT = 320;
const column = createColumnHelper<JournalEntryView>();

function timelineColumns(
  t: TFunction,
  language: Language,
  onPrint: (entry: JournalEntryView) => void,
): ColumnDef<JournalEntryView, never>[] {
  const text = (value: string) => <span title={value}>{value}</span>;
  return [
    column.accessor('at', {
      header: t('cards:timeline.when'),
      cell: (c) => text(formatShortDateTime(c.getValue(), language)),
      size: 125,
    }),
    column.accessor('op', {
      header: t('cards:timeline.action'),
      cell: (c) => text(opLabel(t, c.getValue())),
      size: 155,
    }),
    column.display({
      id: 'reason',
      header: t('cards:timeline.reason'),
      cell: (c) => text(reasonOf(t, c.row.original)),
      size: 155,
    }),
    column.display({
      id: 'operator',
      header: t('cards:timeline.operator'),
      // The ids fit the column; the names are in the title and the Journal's details.
      cell: (c) => <span title={madeByText(t, c.row.original)}>{madeByIds(t, c.row.original)}</span>,
      size: 95,
    }),
    column.display({
      id: 'outcome',
      header: t('cards:timeline.outcome'),
      cell: (c) => {
        const entry = c.row.original;
        const refusal = refusalOf(t, entry);
        return (
          <span title={refusal || undefined}>
            <StateBadge state={entry.state} />
            {refusal !== '' && ` · ${refusal}`}
          </span>
        );
      },
      size: 165,
    }),
    // A column of its own, a printer icon with the words in its name and tooltip: beside a long outcome, or as
    // words in some languages, the button did not fit at 1024 px.
    column.display({
      id: 'print',
      header: () => <span className="visually-hidden">{t('cards:timeline.printColumn')}</span>,
      cell: (c) => {
        const entry = c.row.original;
        const kind = entry.state === 'done' ? confirmationOfOp(entry.op) : undefined;
        if (kind === undefined) return null;
        const name = t('cards:timeline.reprint', { kind: t(`common:print.kinds.${kind}`) });
        return (
          <ActionIcon
            variant="subtle"
            size="md"
            aria-label={name}
            title={name}
            onClick={() => {
              onPrint(entry);
            }}
            data-testid="timeline-print"
          >
            <PrinterIcon />
          </ActionIcon>
        );
      },
      size: 56,
    }),
  ] as ColumnDef<JournalEntryView, never>[];
}

export function CardTimeline({ cardId }: { cardId: string }): ReactElement {
  const { t } = useTranslation(['cards', 'journal', 'common', 'errors']);
  const language = useLanguage();
  const [operatorText, setOperatorText] = useState('');
  const typed = operatorIdSchema.safeParse(useSettled(operatorText, 250));
  const timeline = useCardTimeline(cardId, typed.success ? typed.data : undefined);
  // The confirmation printed again, and when the operator asked for it.
  const [reprint, setReprint] = useState<{ entry: JournalEntryView; printedAt: number } | null>(null);
  const printAgain = useCallback((entry: JournalEntryView) => {
    setReprint({ entry, printedAt: Date.now() });
  }, []);
  const columns = useMemo(() => timelineColumns(t, language, printAgain), [t, language, printAgain]);
  const reprintKind = reprint === null ? undefined : confirmationOfOp(reprint.entry.op);
  const height = Math.min(MAX_HEIGHT, ROW_HEIGHT * (Math.max(timeline.rows.length, 2) + 1) + 2);
  return (
    <Paper
      withBorder
      p="md"
      className="card-panel"
      data-testid="card-timeline"
      component="section"
      aria-labelledby="card-timeline-title"
    >
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2} className="card-panel-title" id="card-timeline-title">
          {t('timeline.title')}
        </Title>
        <OperatorFilterField
          size="xs"
          label={t('timeline.operatorFilter')}
          value={operatorText}
          onChange={(event) => {
            setOperatorText(event.currentTarget.value);
          }}
          data-testid="timeline-operator"
        />
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {t('timeline.hint')}
      </Text>
      {timeline.error !== null ? (
        <ErrorNotice error={timeline.error} testId="timeline-error" />
      ) : (
        <VirtualTable
          label={t('timeline.label')}
          columns={columns}
          rows={timeline.rows}
          height={height}
          rowHeight={ROW_HEIGHT}
          empty={timeline.isPending ? t('common:state.loading') : t('timeline.empty')}
          onNearEnd={timeline.loadMore}
          loadingMore={timeline.loadingMore ? t('common:state.loading') : undefined}
          testId="timeline-table"
        />
      )}
      {reprint !== null && reprintKind !== undefined && (
        <ConfirmationPreview
          facts={{
            kind: reprintKind,
            cardId,
            reference: reprint.entry.requestId,
            extra: printedReason(t, reprint.entry),
          }}
          at={reprint.entry.updatedAt}
          printedAt={reprint.printedAt}
          onClose={() => {
            setReprint(null);
          }}
          testId="timeline-print-preview"
        />
      )}
    </Paper>
  );
}

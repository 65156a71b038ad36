// A card statement as a PDF (A4): the period, the card's mask, the balances where known, totals (debits,
// credits, count) and the rows. The balance now is the closing balance only when the period ends today, and
// the opening balance follows from it only when every row of the period is printed (no filter).
import { Button } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView, StatementOperation } from '../../../common/contract/index.ts';
import { useCardBalance, useCardInfo } from '../api/cards.ts';
import { formatDate, formatMoney, formatNumber, formatShortDateTime } from '../i18n/format.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { operationTypeLabel } from '../tables/statement-columns.tsx';
import { PrintDocument, type PrintFact } from './PrintDocument.tsx';
import { PrintPreview } from './PrintPreview.tsx';
import { safeText } from './safe-text.ts';
import { statementTotals, type Totals } from './statement-totals.ts';

export interface StatementToPrint {
  cardId: string;
  /** Calendar days, `2026-01-31`. */
  from: string;
  to: string;
  operations: readonly StatementOperation[];
  /** A filter left some of the period's rows out. */
  filtered: boolean;
}

const today = (): string => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

function balanceFacts(
  t: (key: string, options?: Record<string, unknown>) => string,
  money: (amount: number, currency: string) => string,
  accounts: readonly AccountView[] | undefined,
  totals: readonly Totals[],
  statement: StatementToPrint,
): PrintFact[] {
  if (accounts === undefined || statement.to < today()) return [];
  return accounts.flatMap((account) => {
    const closing = {
      label: t('print.closing', { currency: account.currency }),
      value: money(account.amount, account.currency),
    };
    const sum = totals.find((total) => total.currency === account.currency);
    if (statement.filtered || sum === undefined) return [closing];
    const opening = Math.round((account.amount - sum.credits + sum.debits) * 100) / 100;
    return [
      { label: t('print.opening', { currency: account.currency }), value: money(opening, account.currency) },
      closing,
    ];
  });
}

function StatementDocument({ statement, printedAt }: { statement: StatementToPrint; printedAt: number }): ReactElement {
  const { t } = useTranslation('common');
  const language = useLanguage();
  const mask = useCardInfo(statement.cardId).data?.card_mask;
  const accounts = useCardBalance(statement.cardId).data;
  const money = (amount: number, currency: string) => formatMoney(amount, currency, language);
  const totals = statementTotals(statement.operations);
  const facts: PrintFact[] = [
    { label: t('print.card'), value: mask ?? '…' },
    {
      label: t('print.period'),
      value: `${formatDate(statement.from, language)} – ${formatDate(statement.to, language)}`,
    },
    ...balanceFacts(t, money, accounts, totals, statement),
    ...totals.flatMap((total) => [
      { label: t('print.debits', { currency: total.currency }), value: money(total.debits, total.currency) },
      { label: t('print.credits', { currency: total.currency }), value: money(total.credits, total.currency) },
    ]),
    { label: t('print.count'), value: formatNumber(statement.operations.length, language) },
    ...(statement.filtered ? [{ label: t('print.filtered'), value: t('print.filteredNote') }] : []),
  ];
  return (
    <PrintDocument
      layout="a4"
      title={t('print.titles.statement')}
      facts={facts}
      printedAt={printedAt}
      signature={false}
    >
      <table className="print-table">
        <thead>
          <tr>
            <th scope="col">{t('columns.date')}</th>
            <th scope="col">{t('columns.type')}</th>
            <th scope="col">{t('columns.merchant')}</th>
            <th scope="col" className="print-amount">
              {t('columns.amount')}
            </th>
            <th scope="col" className="print-amount">
              {t('columns.commission')}
            </th>
            <th scope="col">RRN</th>
          </tr>
        </thead>
        <tbody>
          {statement.operations.map((op, i) => (
            <tr key={`${op.rrn}-${String(i)}`}>
              <td>{formatShortDateTime(op.datetime, language)}</td>
              <td>{operationTypeLabel(t, op.type)}</td>
              <td>{safeText([op.merchant?.name, op.merchant?.city].filter(Boolean).join(', '))}</td>
              <td className="print-amount">{money(op.amount, op.currency)}</td>
              <td className="print-amount">{money(op.commission, op.currency)}</td>
              <td>{safeText(op.rrn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </PrintDocument>
  );
}

/** A button that opens the statement's PDF preview; `fileName` is the PDF's. */
export function StatementPrint({
  statement,
  fileName,
  disabled,
}: {
  statement: StatementToPrint;
  fileName: string;
  disabled: boolean;
}): ReactElement {
  const { t } = useTranslation('common');
  const [printedAt, setPrintedAt] = useState<number | null>(null);
  return (
    <>
      <Button
        variant="default"
        disabled={disabled}
        onClick={() => {
          setPrintedAt(Date.now());
        }}
        data-testid="statement-pdf"
      >
        {t('print.statementPdf')}
      </Button>
      <PrintPreview
        opened={printedAt !== null}
        onClose={() => {
          setPrintedAt(null);
        }}
        title={t('print.titles.statement')}
        layouts={['a4']}
        pdfFileName={fileName}
        render={() => <StatementDocument statement={statement} printedAt={printedAt ?? 0} />}
        testId="statement-pdf-preview"
      />
    </>
  );
}

// A printable confirmation of a done operation (card issued, PIN set, card closed, gift card sold): a button
// that opens its preview, or the preview alone (a reprint from the card's timeline). It says what was done, when,
// on which card (the mask only), for whom where known, the request's reference and the outcome, with a line for
// the operator's signature. Never a PIN or a CVV.
import { Button } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintLayout } from '../../../common/contract/index.ts';
import { useCardInfo } from '../api/cards.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { PrintDocument, type PrintFact } from './PrintDocument.tsx';
import { PrintPreview } from './PrintPreview.tsx';

export const CONFIRMATIONS = ['cardIssued', 'pinSet', 'cardClosed', 'giftSold'] as const;
export type Confirmation = (typeof CONFIRMATIONS)[number];
const LAYOUTS: readonly PrintLayout[] = ['a4', 'receipt'];

export interface ConfirmationFacts {
  kind: Confirmation;
  /** The card's mask as the bank gives it; for a new card, looked up by `cardId`. */
  mask?: string;
  cardId?: string;
  clientName?: string;
  /** The request's id (the outcome's key). */
  reference: string;
  /** More lines of this operation (a reason, an amount), already in the operator's language. */
  extra?: readonly PrintFact[];
}

const OF_OP: Readonly<Record<string, Confirmation>> = {
  'card.issue': 'cardIssued',
  'card.issuePlastic': 'cardIssued',
  'card.setPin': 'pinSet',
  'card.close': 'cardClosed',
};

/** The confirmation a card operation prints once done, if it has one. */
export function confirmationOfOp(op: string): Confirmation | undefined {
  return OF_OP[op];
}

interface DocumentProps {
  facts: ConfirmationFacts;
  layout: PrintLayout;
  at: number;
  printedAt: number;
}

function ConfirmationDocument({ facts, layout, at, printedAt }: DocumentProps): ReactElement {
  const { t } = useTranslation('common');
  const language = useLanguage();
  const { mask, clientName } = facts;
  const lines: PrintFact[] = [
    { label: t('print.operation'), value: t(`print.kinds.${facts.kind}`) },
    { label: t('print.dateTime'), value: formatDateTime(at, language) },
    { label: t('print.card'), value: mask ?? '…' },
    ...(clientName ? [{ label: t('print.client'), value: clientName }] : []),
    ...(facts.extra ?? []),
    { label: t('print.reference'), value: facts.reference },
    { label: t('print.outcome'), value: t('print.outcomeDone') },
  ];
  return <PrintDocument layout={layout} title={t(`print.titles.${facts.kind}`)} facts={lines} printedAt={printedAt} />;
}

/** A new card's mask is not in the answer: the card's own record has it, and its holder's name. */
function NewCardDocument(props: { facts: ConfirmationFacts & { cardId: string } } & Omit<DocumentProps, 'facts'>) {
  const info = useCardInfo(props.facts.cardId);
  const facts = {
    ...props.facts,
    mask: info.data?.card_mask,
    clientName: props.facts.clientName ?? (info.data?.cardholder_name || undefined),
  };
  return <ConfirmationDocument {...props} facts={facts} />;
}

function AnyDocument(props: DocumentProps): ReactElement {
  const { cardId } = props.facts;
  return props.facts.mask === undefined && cardId !== undefined ? (
    <NewCardDocument {...props} facts={{ ...props.facts, cardId }} />
  ) : (
    <ConfirmationDocument {...props} />
  );
}

/** The preview of a confirmation of an operation done at `at`, open while `printedAt` (when the operator asked to
 * print) is set. */
export function ConfirmationPreview({
  facts,
  at,
  printedAt,
  onClose,
  testId,
}: {
  facts: ConfirmationFacts;
  at: number;
  printedAt: number | null;
  onClose: () => void;
  testId: string;
}): ReactElement {
  const { t } = useTranslation('common');
  return (
    <PrintPreview
      opened={printedAt !== null}
      onClose={onClose}
      title={t(`print.titles.${facts.kind}`)}
      layouts={LAYOUTS}
      render={(layout) => <AnyDocument facts={facts} layout={layout} at={at} printedAt={printedAt ?? at} />}
      testId={testId}
    />
  );
}

/** `testId` names the button; its preview is `<testId>-preview`. */
export function ConfirmationPrint({
  facts,
  at: doneAt,
  label,
  testId,
}: {
  facts: ConfirmationFacts;
  /** When the operation was done, where known (its journal record); else when this shows. */
  at?: number;
  /** The button's words, "Print confirmation" by default. */
  label?: string;
  testId: string;
}): ReactElement {
  const { t } = useTranslation('common');
  // Shown when the operation is done: that moment is the operation's time on paper.
  const [shownAt] = useState(() => Date.now());
  const at = doneAt ?? shownAt;
  const [printedAt, setPrintedAt] = useState<number | null>(null);
  return (
    <>
      <Button
        size="xs"
        variant="default"
        onClick={() => {
          setPrintedAt(Date.now());
        }}
        data-testid={testId}
      >
        {label ?? t('print.confirmation')}
      </Button>
      <ConfirmationPreview
        facts={facts}
        at={at}
        printedAt={printedAt}
        onClose={() => {
          setPrintedAt(null);
        }}
        testId={`${testId}-preview`}
      />
    </>
  );
}

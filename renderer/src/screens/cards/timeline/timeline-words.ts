// What a journal entry of a card says to the operator: the reason of a block, unblock or close (sent as
// `<reason>: <note>`, docs/architecture.md, one write) in their language, how a PIN was set, and the bank's
// refusal as a sentence. Anything this version does not know is shown as it came, never hidden.
import type { TFunction } from 'i18next';
import { BLOCK_REASONS, CLOSE_REASONS, UNBLOCK_REASONS } from '../../../../../common/contract/index.ts';
import type { JournalEntryView } from '../../../../../common/contract/index.ts';
import { apiErrorKey } from '../../../i18n/describe-error.ts';

const REASONS: Record<string, { list: readonly string[]; key: string }> = {
  'card.block': { list: BLOCK_REASONS, key: 'blockReasons' },
  'card.unblock': { list: UNBLOCK_REASONS, key: 'unblockReasons' },
  'card.close': { list: CLOSE_REASONS, key: 'closeReasons' },
};

export function reasonOf(t: TFunction, entry: JournalEntryView): string {
  const { params, op } = entry;
  if (op === 'card.setPin') {
    if (params.pin === 'generated') return t('cards:actions.setPin.generated');
    if (params.pin === 'entered') return t('cards:actions.setPin.entered');
  }
  const identified = params.identification_info as { identified_by?: unknown } | undefined;
  if (typeof identified?.identified_by === 'string') return identified.identified_by;
  const description = params.description;
  if (typeof description !== 'string') return '';
  const reasons = REASONS[op];
  const match = /^([a-z_]+)(?:: (.*))?$/s.exec(description);
  if (reasons === undefined || match === null || !reasons.list.includes(match[1] ?? '')) return description;
  const reason = t(`cards:actions.${reasons.key}.${match[1] ?? ''}`);
  return match[2] ? `${reason}: ${match[2]}` : reason;
}

/** The bank's refusal of a failed entry as the operator's sentence; empty for any other state. */
export function refusalOf(t: TFunction, entry: JournalEntryView): string {
  if (entry.state !== 'failed' || entry.error === undefined) return '';
  return t(apiErrorKey(entry.error.code), { defaultValue: entry.error.description });
}

/** What a confirmation prints of its record beyond the card (print facts): a closing's reason, with its note. */
export function printedReason(t: TFunction, entry: JournalEntryView | undefined): { label: string; value: string }[] {
  const reason = entry?.op === 'card.close' ? reasonOf(t, entry) : '';
  return reason === '' ? [] : [{ label: t('common:print.reason'), value: reason }];
}

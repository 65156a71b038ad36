// What the Requests and Journal screens read out of a journal entry: the card, client or gift card it concerns,
// its error as a sentence, a short form of its request id.
import type { TFunction } from 'i18next';
import type { JournalEntryView } from '../../../../common/contract/index.ts';
import { firstCardId, resultString } from '../../api/outcome.ts';
import { apiErrorKey } from '../../i18n/describe-error.ts';

export type EntryTarget = { kind: 'card' | 'client' | 'gift'; id: string };

/** The object an entry concerns: a gift card for gift operations, else the card, else the client. */
export function entryTarget(entry: Pick<JournalEntryView, 'op' | 'params' | 'result'>): EntryTarget | undefined {
  const result = entry.result ?? {};
  const cardId = resultString(entry.params, 'card_id') ?? firstCardId(result) ?? resultString(result, 'card_id');
  if (entry.op.startsWith('gift.')) return cardId === undefined ? undefined : { kind: 'gift', id: cardId };
  if (cardId !== undefined) return { kind: 'card', id: cardId };
  const clientId = resultString(entry.params, 'client_id') ?? resultString(result, 'client_id');
  return clientId === undefined ? undefined : { kind: 'client', id: clientId };
}

/** The bank's error in the operator's language (raw code and text stay available as details). */
export function errorSentence(t: TFunction, error: { code: string }): string {
  return t(apiErrorKey(error.code), { defaultValue: t('errors:api.other') });
}

/** What went wrong, in one short sentence for a table cell; empty when nothing did. */
export function problemSentence(t: TFunction, entry: Pick<JournalEntryView, 'state' | 'error'>): string {
  if (entry.state === 'failed') return entry.error ? errorSentence(t, entry.error) : t('errors:api.other');
  if (entry.state === 'not_received') return t('requests:notReceived.short');
  return '';
}

export function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

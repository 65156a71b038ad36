// Open operations as the contract shows them, with their place in the background schedule.
import type { JournalEntryView, OpenCheckView } from '../../../common/contract/index.ts';
import type { JournalEntry } from '../journal/index.ts';
import type { CheckStatus } from './reconciler.ts';

/** The most open operations one answer holds (after an outage there may be many; the oldest come first). */
export const MAX_OPEN_CHECKS = 1000;

/** The entry's view with its schedule; an entry the reconciler does not follow is not checked from here. */
export function openCheckView(view: JournalEntryView, status: CheckStatus | undefined): OpenCheckView {
  return {
    ...view,
    nextCheckAt: status?.nextCheckAt ?? null,
    attempt: status?.attempt ?? 1,
    checking: status?.checking ?? false,
  };
}

/** The entry is about this card or client: its card_id, client_id or limit object names it. */
export function concerns(
  entry: JournalEntry,
  on: { cardId?: string | undefined; clientId?: string | undefined },
): boolean {
  const { params } = entry;
  const object = params.object as { type?: unknown; value?: unknown } | undefined;
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  const named = (type: 'card' | 'client', field: string, id: string | undefined) =>
    id === undefined || text(params[field]) === id || (object?.type === type && text(object.value) === id);
  return named('card', 'card_id', on.cardId) && named('client', 'client_id', on.clientId);
}

// A card's timeline: every operation on the card in the journal, newest first, a page at a time (journal.search
// by card, read through its index in main). It is a journal list, so `requests.changed` patches it in place and
// brings new operations in (live-pages.ts) without reading every page again.
import { useJournalSearch } from './journal.ts';

export const TIMELINE_PAGE = 50;

/** `operatorId` narrows it to what one operator made or approved. */
export function useCardTimeline(cardId: string, operatorId?: string) {
  return useJournalSearch({ cardId, limit: TIMELINE_PAGE, ...(operatorId === undefined ? {} : { operatorId }) });
}

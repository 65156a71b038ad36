// How a change of one operation folds into the pages of a list already read (live-pages.ts): pure, so that
// the rules are tested without a browser.
import type { EntryState, JournalEntryView } from '../../../common/contract/index.ts';
import type { Pages } from './paged.ts';

export interface RequestChange {
  requestId: string;
  state: EntryState;
}

/** The operation takes its new state where it is shown, or leaves a list whose states it no longer matches. */
export function patchRow(
  data: Pages<JournalEntryView>,
  change: RequestChange,
  states: readonly EntryState[] | undefined,
): Pages<JournalEntryView> {
  const keep = states === undefined || states.includes(change.state);
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      entries: page.entries.flatMap((e) =>
        e.requestId !== change.requestId ? [e] : keep ? [{ ...e, state: change.state }] : [],
      ),
    })),
  };
}

/** The first page read again: operations not loaded yet go on top, loaded ones take their fresh version. */
export function mergeFirstPage(
  data: Pages<JournalEntryView>,
  first: readonly JournalEntryView[],
): Pages<JournalEntryView> {
  const fresh = new Map(first.map((e) => [e.requestId, e]));
  const held = new Set(data.pages.flatMap((page) => page.entries.map((e) => e.requestId)));
  const added = first.filter((e) => !held.has(e.requestId));
  return {
    ...data,
    pages: data.pages.map((page, i) => ({
      ...page,
      entries: [...(i === 0 ? added : []), ...page.entries.map((e) => fresh.get(e.requestId) ?? e)],
    })),
  };
}

// Paged lists of journal entries kept live by `requests.changed` without reading every loaded page again: the
// row that changed is patched in place (or leaves a list whose states no longer match), and the first page is
// read again and merged, which brings new operations and fresh results in. One first-page read runs per list at
// a time; changes that arrive meanwhile are folded into one more read after it.
import type { Query, QueryClient } from '@tanstack/react-query';
import type { ArgsOf, JournalEntryView } from '../../../common/contract/index.ts';
import { cardDesk } from './bridge.ts';
import { mergeFirstPage, patchRow, type RequestChange } from './page-merge.ts';
import { PAGES, type PageFetcher, type Pages } from './paged.ts';

type EntryListArgs = ArgsOf<'requests.list'> | ArgsOf<'journal.search'>;
type EntryMethod = 'requests.list' | 'journal.search';

/** The query key of a paged entry list: [group, 'pages', method, args]. */
export function entryPagesKey(group: 'requests' | 'journal', method: EntryMethod, args: EntryListArgs) {
  return [group, PAGES, method, args] as const;
}

export function entryFetcher(method: EntryMethod, args: EntryListArgs): PageFetcher<JournalEntryView> {
  return (cursor) =>
    method === 'requests.list'
      ? cardDesk().requests.list({ ...args, cursor })
      : cardDesk().journal.search({ ...(args as ArgsOf<'journal.search'>), cursor });
}

const isEntryPages = (q: Query) =>
  q.queryKey[1] === PAGES && (q.queryKey[2] === 'requests.list' || q.queryKey[2] === 'journal.search');

/** Patches every loaded entry list for one change and refreshes each list's first page. */
export function applyRequestChange(client: QueryClient, change: RequestChange): void {
  for (const query of client.getQueryCache().findAll({ predicate: isEntryPages })) {
    const [, , method, args] = query.queryKey as ReturnType<typeof entryPagesKey>;
    const states = args.states;
    client.setQueryData<Pages<JournalEntryView>>(query.queryKey, (old) =>
      old === undefined ? old : patchRow(old, change, states),
    );
    refreshFirstPage(client, query.queryKey, entryFetcher(method, args));
  }
}

const reading = new Map<string, { again: boolean }>();

function refreshFirstPage(client: QueryClient, key: readonly unknown[], fetch: PageFetcher<JournalEntryView>): void {
  const id = JSON.stringify(key);
  const current = reading.get(id);
  if (current !== undefined) {
    current.again = true;
    return;
  }
  const state = { again: false };
  reading.set(id, state);
  // Read through a function: the flag changes while the page is read.
  const changedMeanwhile = () => state.again;
  void (async () => {
    try {
      do {
        state.again = false;
        const first = await fetch(null);
        client.setQueryData<Pages<JournalEntryView>>(key, (old) =>
          old === undefined ? old : mergeFirstPage(old, first.entries),
        );
      } while (changedMeanwhile());
    } catch {
      // The list stays as it was; the next change or a refresh reads it again.
    } finally {
      reading.delete(id);
    }
  })();
}

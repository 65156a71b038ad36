// Changes folded into the pages of a list already read (renderer/src/api/page-merge.ts): a change moves the row
// in place or takes it out of a list it no longer matches; a first page read again adds new operations on top
// and refreshes the loaded ones, and nothing read before is lost at a page's edge.
import { describe, expect, it } from 'vitest';
import type { JournalEntryView } from '../../../common/contract/index.ts';
import { mergeFirstPage, patchRow } from '../../../renderer/src/api/page-merge.ts';
import type { Pages } from '../../../renderer/src/api/paged.ts';

const entry = (requestId: string, state: JournalEntryView['state'] = 'pending'): JournalEntryView => ({
  requestId,
  op: 'card.block',
  profileId: 'sandbox',
  at: 1,
  updatedAt: 1,
  state,
  params: {},
  operator: null,
  approver: null,
});
const pages = (...lists: string[][]): Pages<JournalEntryView> => ({
  pages: lists.map((ids, i) => ({ entries: ids.map((id) => entry(id)), nextCursor: `c${String(i + 1)}` })),
  pageParams: lists.map((_, i) => (i === 0 ? null : `c${String(i)}`)),
});
const ids = (data: Pages<JournalEntryView>) => data.pages.map((p) => p.entries.map((e) => e.requestId));

describe('a change of one operation in the pages read', () => {
  it('takes the new state in place, on whichever page the row is', () => {
    const data = patchRow(pages(['d', 'c'], ['b', 'a']), { requestId: 'b', state: 'done' }, undefined);
    expect(ids(data)).toEqual([
      ['d', 'c'],
      ['b', 'a'],
    ]);
    expect(data.pages[1]?.entries[0]?.state).toBe('done');
  });

  it('leaves a list whose states it no longer matches', () => {
    const data = patchRow(pages(['d', 'c'], ['b', 'a']), { requestId: 'c', state: 'done' }, ['pending', 'unknown']);
    expect(ids(data)).toEqual([['d'], ['b', 'a']]);
  });
});

describe('the first page read again', () => {
  it('puts new operations on top, refreshes loaded ones, keeps the rest and the cursors', () => {
    const before = pages(['d', 'c'], ['b', 'a']);
    // Two new operations pushed c off the first page: it must stay shown.
    const fresh = [entry('f', 'sending'), entry('e', 'sending'), { ...entry('d'), state: 'done' as const }];
    const data = mergeFirstPage(before, fresh);
    expect(ids(data)).toEqual([
      ['f', 'e', 'd', 'c'],
      ['b', 'a'],
    ]);
    expect(data.pages[0]?.entries[2]?.state).toBe('done');
    expect(data.pages.map((p) => p.nextCursor)).toEqual(['c1', 'c2']);
    expect(data.pageParams).toEqual(before.pageParams);
  });

  it('adds nothing twice when the rows are already read', () => {
    expect(ids(mergeFirstPage(pages(['b', 'a']), [entry('b'), entry('a')]))).toEqual([['b', 'a']]);
  });
});

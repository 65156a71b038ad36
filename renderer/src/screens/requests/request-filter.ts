// What the Requests screen shows of the journal: the states chosen (open work and "not received" by default,
// which the operator must act on) and one operation, or every one.
import {
  ATTENTION_STATES,
  type ArgsOf,
  type EntryState,
  type JournalEntryView,
} from '../../../../common/contract/index.ts';

export interface RequestFilterValue {
  states: EntryState[];
  /** '' = every operation. */
  op: string;
  /** Free text, matched by the table's search text. */
  text: string;
}

export const DEFAULT_REQUEST_FILTER: RequestFilterValue = { states: [...ATTENTION_STATES], op: '', text: '' };

export function filterEntries(
  entries: readonly JournalEntryView[],
  filter: Pick<RequestFilterValue, 'states' | 'op'>,
): JournalEntryView[] {
  return entries.filter((e) => filter.states.includes(e.state) && (filter.op === '' || e.op === filter.op));
}

/** The filter as main's query: states and operation narrow the list in main, and so does the text. */
export function requestListArgs(filter: RequestFilterValue): Omit<ArgsOf<'requests.list'>, 'cursor'> {
  const text = filter.text.trim();
  return {
    states: filter.states,
    ...(filter.op === '' ? {} : { op: filter.op }),
    ...(text === '' ? {} : { text }),
  };
}

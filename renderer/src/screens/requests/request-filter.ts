// What the Requests screen shows of the journal: the states chosen (open work and "not received" by default,
// which the operator must act on), one operation or every one, and one operator (who made or approved it) or any.
import {
  ATTENTION_STATES,
  operatorIdSchema,
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
  /** '' = any operator; an id that is not one yet (half typed) narrows nothing. */
  operatorId?: string;
}

export const DEFAULT_REQUEST_FILTER: RequestFilterValue = {
  states: [...ATTENTION_STATES],
  op: '',
  text: '',
  operatorId: '',
};

export function filterEntries(
  entries: readonly JournalEntryView[],
  filter: Pick<RequestFilterValue, 'states' | 'op'>,
): JournalEntryView[] {
  return entries.filter((e) => filter.states.includes(e.state) && (filter.op === '' || e.op === filter.op));
}

/** The filter as main's query: states and operation narrow the list in main, and so does the text. */
export function requestListArgs(filter: RequestFilterValue): Omit<ArgsOf<'requests.list'>, 'cursor'> {
  const text = filter.text.trim();
  const operator = operatorIdSchema.safeParse(filter.operatorId ?? '');
  return {
    states: filter.states,
    ...(filter.op === '' ? {} : { op: filter.op }),
    ...(text === '' ? {} : { text }),
    ...(operator.success ? { operatorId: operator.data } : {}),
  };
}

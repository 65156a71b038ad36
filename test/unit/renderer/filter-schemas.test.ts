// The Journal's filter forms (renderer/src/screens/journal/filter-schemas.ts) and the Requests screen's filter
// (renderer/src/screens/requests/request-filter.ts): what a filter accepts, and what it asks main or shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTENTION_STATES, PAGE_LIMIT, type JournalEntryView } from '../../../common/contract/index.ts';
import {
  auditArgs,
  auditFilterSchema,
  EMPTY_AUDIT_FILTER,
  EMPTY_OPERATIONS_FILTER,
  operationsFilterSchema,
  searchArgs,
} from '../../../renderer/src/screens/journal/filter-schemas.ts';
import { DEFAULT_REQUEST_FILTER, filterEntries } from '../../../renderer/src/screens/requests/request-filter.ts';

const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Tashkent'; // +05:00 all year
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

function messages(schema: typeof operationsFilterSchema | typeof auditFilterSchema, value: unknown) {
  const parsed = schema.safeParse(value);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('the operations filter', () => {
  it('accepts the empty filter and asks for the first page of everything', () => {
    expect(operationsFilterSchema.safeParse(EMPTY_OPERATIONS_FILTER).success).toBe(true);
    expect(searchArgs(EMPTY_OPERATIONS_FILTER)).toEqual({ limit: PAGE_LIMIT });
  });

  it('names a date that is not one, a range the wrong way round and a text too long by their keys', () => {
    expect(messages(operationsFilterSchema, { ...EMPTY_OPERATIONS_FILTER, from: '2026-02-30' })).toEqual({
      from: 'date',
    });
    expect(
      messages(operationsFilterSchema, { ...EMPTY_OPERATIONS_FILTER, from: '2026-03-02', to: '2026-03-01' }),
    ).toEqual({ to: 'range' });
    expect(messages(operationsFilterSchema, { ...EMPTY_OPERATIONS_FILTER, text: 'x'.repeat(201) })).toEqual({
      text: 'text',
    });
  });

  it("takes any operation id within the contract's limit, so an id this version does not know stays searchable", () => {
    expect(operationsFilterSchema.safeParse({ ...EMPTY_OPERATIONS_FILTER, op: 'card.teleport' }).success).toBe(true);
    expect(operationsFilterSchema.safeParse({ ...EMPTY_OPERATIONS_FILTER, op: 'x'.repeat(65) }).success).toBe(false);
  });

  it('searches whole local days, the chosen states, operation, profile and operator, and the trimmed text', () => {
    const args = searchArgs({
      from: '2026-03-01',
      to: '2026-03-02',
      op: 'card.block',
      outcome: 'open',
      profileId: 'sandbox',
      text: '  7701 ',
      operatorId: 'a.n',
    });
    expect(args).toEqual({
      from: Date.parse('2026-03-01T00:00:00+05:00'),
      to: Date.parse('2026-03-03T00:00:00+05:00') - 1,
      op: 'card.block',
      states: ['sending', 'pending', 'unknown'],
      profileId: 'sandbox',
      text: '7701',
      operatorId: 'a.n',
      limit: PAGE_LIMIT,
    });
    expect(searchArgs({ ...EMPTY_OPERATIONS_FILTER, outcome: 'failed' }).states).toEqual(['failed']);
  });
});

describe('the audit filter', () => {
  it('accepts the empty filter and names a range the wrong way round', () => {
    expect(auditArgs(EMPTY_AUDIT_FILTER)).toEqual({ limit: PAGE_LIMIT });
    expect(messages(auditFilterSchema, { from: '2026-03-02', to: '2026-03-01', action: '' })).toEqual({
      to: 'range',
    });
  });

  it('searches an action over whole local days', () => {
    expect(auditArgs({ from: '2026-03-01', to: '', action: 'card.secret.reveal', operatorId: '' })).toEqual({
      from: Date.parse('2026-03-01T00:00:00+05:00'),
      action: 'card.secret.reveal',
      limit: PAGE_LIMIT,
    });
  });
});

describe('the Requests filter', () => {
  const entry = (requestId: string, op: string, state: JournalEntryView['state']): JournalEntryView => ({
    requestId,
    op,
    state,
    at: 0,
    updatedAt: 0,
    profileId: 'sandbox',
    params: {},
    operator: null,
    approver: null,
  });
  const entries = [
    entry('a', 'card.block', 'done'),
    entry('b', 'card.block', 'unknown'),
    entry('c', 'card.activate', 'not_received'),
    entry('d', 'client.create', 'failed'),
    entry('e', 'card.activate', 'pending'),
  ];

  it('shows open work and what never reached the bank by default', () => {
    expect(DEFAULT_REQUEST_FILTER).toEqual({ states: [...ATTENTION_STATES], op: '', text: '', operatorId: '' });
    expect(filterEntries(entries, DEFAULT_REQUEST_FILTER).map((e) => e.requestId)).toEqual(['b', 'c', 'e']);
  });

  it('narrows to one operation, keeping the order', () => {
    const filter = { states: ['done', 'unknown', 'pending'] as JournalEntryView['state'][], op: 'card.activate' };
    expect(filterEntries(entries, filter).map((e) => e.requestId)).toEqual(['e']);
    expect(filterEntries(entries, { ...filter, op: '' }).map((e) => e.requestId)).toEqual(['a', 'b', 'e']);
  });
});

// The Journal's filter forms: zod schemas derived from the contract's `journal.search` / `journal.audit`
// arguments (same limits), plus calendar days and a range check; and the search arguments they turn into (the
// page size is the contract's default: the tables read page after page as they scroll).
// Messages are keys of the `journal` namespace (`filters.errors.*`), translated next to the field; a message
// that is not one of ours (a contract limit) is shown as it came.
import { z } from 'zod';
import {
  contract,
  ENTRY_STATES,
  operatorIdSchema,
  type ArgsOf,
  OPEN_STATES,
} from '../../../../common/contract/index.ts';
import type { FieldWords } from '../../components/field-error.ts';
import { dayEnd, dayStart, isCalendarDay } from './date-range.ts';

const searchShape = contract['journal.search'].args.shape;
const auditShape = contract['journal.audit'].args.shape;

const day = z.string().refine((v) => v === '' || isCalendarDay(v), 'date');
/** An operator id, or empty for "any operator" (records one operator made or approved). */
const operator = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => v === '' || operatorIdSchema.safeParse(v).success, 'operator')
  .default('');
const inOrder = (v: { from: string; to: string }) => v.from === '' || v.to === '' || v.from <= v.to;

export const FILTER_WORDS: FieldWords = { key: (_field, { message }) => `journal:filters.errors.${message}` };

export const OUTCOMES = ['any', 'open', ...ENTRY_STATES] as const;
export type OutcomeChoice = (typeof OUTCOMES)[number];

export const operationsFilterSchema = z
  .object({
    from: day,
    to: day,
    op: searchShape.op.unwrap().or(z.literal('')),
    outcome: z.enum(OUTCOMES),
    profileId: z.string(),
    text: z.string().max(200, 'text'),
    operatorId: operator,
  })
  .refine(inOrder, { path: ['to'], message: 'range' });
export type OperationsFilter = z.infer<typeof operationsFilterSchema>;

export const EMPTY_OPERATIONS_FILTER: OperationsFilter = {
  from: '',
  to: '',
  op: '',
  outcome: 'any',
  profileId: '',
  text: '',
  operatorId: '',
};

export const auditFilterSchema = z
  .object({ from: day, to: day, action: auditShape.action.unwrap().or(z.literal('')), operatorId: operator })
  .refine(inOrder, { path: ['to'], message: 'range' });
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const EMPTY_AUDIT_FILTER: AuditFilter = { from: '', to: '', action: '', operatorId: '' };

function statesOf(outcome: OutcomeChoice): ArgsOf<'journal.search'>['states'] {
  if (outcome === 'any') return undefined;
  return outcome === 'open' ? [...OPEN_STATES] : [outcome];
}

/** Only the filters that are set: an absent key means "any". */
export function searchArgs(filter: OperationsFilter): ArgsOf<'journal.search'> {
  const text = filter.text.trim();
  const args: ArgsOf<'journal.search'> = {
    from: dayStart(filter.from),
    to: dayEnd(filter.to),
    op: filter.op === '' ? undefined : filter.op,
    states: statesOf(filter.outcome),
    profileId: filter.profileId === '' ? undefined : filter.profileId,
    text: text === '' ? undefined : text,
    operatorId: filter.operatorId === '' ? undefined : filter.operatorId,
  };
  return contract['journal.search'].args.parse(dropUndefined(args));
}

export function auditArgs(filter: AuditFilter): ArgsOf<'journal.audit'> {
  const args: ArgsOf<'journal.audit'> = {
    from: dayStart(filter.from),
    to: dayEnd(filter.to),
    action: filter.action === '' ? undefined : filter.action,
    operatorId: filter.operatorId === '' ? undefined : filter.operatorId,
  };
  return contract['journal.audit'].args.parse(dropUndefined(args));
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The filters of a search without its paging: what `journal.count` counts. */
export function countArgs(args: ArgsOf<'journal.search'>): ArgsOf<'journal.count'> {
  return Object.fromEntries(Object.entries(args).filter(([key]) => key !== 'cursor' && key !== 'limit'));
}

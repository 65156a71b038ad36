// What the operator narrowed a statement to: a transaction type and a text (description, merchant, place, amount
// as either decimal mark, RRN, MCC, the type's word). At 100,000 rows the text is matched against an index built
// once with the rows, and the filter runs on deferred values, so typing stays responsive while the table catches up.
import type { TFunction } from 'i18next';
import { useDeferredValue, useMemo, useState } from 'react';
import type { StatementOperation } from '../../../../../common/contract/index.ts';
import { operationTypeLabel, statementSearchText } from '../../../tables/statement-columns.tsx';

export const ALL_TYPES = '';

export interface StatementView {
  type: string;
  setType: (type: string) => void;
  text: string;
  setText: (text: string) => void;
  /** The types present in the rows, sorted. */
  types: string[];
  shown: readonly StatementOperation[];
  /** The table still shows the previous filter's rows. */
  stale: boolean;
}

/** One operation as the text filter finds it; `typeLabel` is the type's word (looked up once per type). */
export function statementFilterText(op: StatementOperation, typeLabel: string): string {
  const amounts = [op.amount, op.commission].map((n) => `${String(n)} ${String(n).replace('.', ',')}`).join(' ');
  return `${statementSearchText(op)} ${amounts} ${op.merchant?.country ?? ''} ${typeLabel}`.toLowerCase();
}

/** The search index of the rows: translating each row's type through i18next would cost seconds at 100,000. */
export function statementIndex(t: TFunction, operations: readonly StatementOperation[]): string[] {
  const labels = new Map<string, string>();
  return operations.map((op) => {
    let label = labels.get(op.type);
    if (label === undefined) {
      label = operationTypeLabel(t, op.type);
      labels.set(op.type, label);
    }
    return statementFilterText(op, label);
  });
}

export function filterStatement(
  operations: readonly StatementOperation[],
  index: readonly string[],
  type: string,
  text: string,
): readonly StatementOperation[] {
  const needle = text.trim().toLowerCase();
  if (needle === '' && type === ALL_TYPES) return operations;
  const out: StatementOperation[] = [];
  for (let i = 0; i < operations.length; i++) {
    const op = operations[i] as StatementOperation;
    if (type !== ALL_TYPES && op.type !== type) continue;
    if (needle !== '' && !(index[i] ?? '').includes(needle)) continue;
    out.push(op);
  }
  return out;
}

export function useStatementView(t: TFunction, operations: readonly StatementOperation[]): StatementView {
  const [type, setType] = useState(ALL_TYPES);
  const [text, setText] = useState('');
  const deferredType = useDeferredValue(type);
  const deferredText = useDeferredValue(text);
  const types = useMemo(() => [...new Set(operations.map((op) => op.type))].sort(), [operations]);
  const index = useMemo(() => statementIndex(t, operations), [operations, t]);
  const shown = useMemo(
    () => filterStatement(operations, index, deferredType, deferredText),
    [operations, index, deferredType, deferredText],
  );
  return { type, setType, text, setText, types, shown, stale: type !== deferredType || text !== deferredText };
}

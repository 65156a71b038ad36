// Card API outcomes (docs/card-api.md, safe retry) as the screens use them: reads want the answer or an error to show; writes show
// what happened, and "not done" is never mistaken for "failed".
import type { OperationOutcome } from '../../../common/contract/index.ts';

export type NotDone = Exclude<OperationOutcome, { kind: 'done' }>;

/** Thrown by `expectDone` so that TanStack Query and error boundaries carry the outcome to `describeError`. */
export class OutcomeError extends Error {
  readonly outcome: NotDone;
  constructor(outcome: NotDone) {
    super(
      `${outcome.kind}: ${outcome.kind === 'failed' ? outcome.code : 'reason' in outcome ? outcome.reason : outcome.key}`,
    );
    this.name = 'OutcomeError';
    this.outcome = outcome;
  }
}

/** The result of a done outcome; anything else throws an OutcomeError. */
export function expectDone<T>(outcome: OperationOutcome<T>): T {
  if (outcome.kind === 'done') return outcome.result;
  throw new OutcomeError(outcome);
}

/** `cards[0].card_id` / `client_id` from a done async write's Request status fields. */
export function resultString(result: Record<string, unknown>, key: string): string | undefined {
  const value = result[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

export function firstCardId(result: Record<string, unknown>): string | undefined {
  const cards = result.cards;
  if (!Array.isArray(cards) || cards.length === 0) return undefined;
  const first: unknown = cards[0];
  return typeof first === 'object' && first !== null
    ? resultString(first as Record<string, unknown>, 'card_id')
    : undefined;
}

const OUTCOME_KINDS: ReadonlySet<string> = new Set(['done', 'failed', 'pending', 'unknown', 'transport']);

/** Whether an answer is a Card API outcome (every other contract method answers a plain value). */
export function isOutcome(value: unknown): value is OperationOutcome<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, key } = value as { kind?: unknown; key?: unknown };
  return typeof kind === 'string' && OUTCOME_KINDS.has(kind) && typeof key === 'string';
}

/** True when sending the write again is safe and useful: the bank refused it, or it never reached the bank. */
export function retryable(outcome: OperationOutcome<unknown> | undefined): boolean {
  return outcome?.kind === 'failed' || outcome?.kind === 'transport';
}

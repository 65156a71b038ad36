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

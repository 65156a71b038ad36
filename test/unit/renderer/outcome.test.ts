// How the renderer reads a write's answer: a Card API outcome or a plain value, and whether sending it again
// is safe (docs/card-api.md, safe retry).
import { describe, expect, it } from 'vitest';
import type { OperationOutcome } from '../../../common/contract/index.ts';
import { expectDone, isOutcome, OutcomeError, retryable } from '../../../renderer/src/api/outcome.ts';

const outcomes: Record<OperationOutcome['kind'], OperationOutcome> = {
  done: { kind: 'done', key: 'k1', result: { client_id: '7' } },
  failed: { kind: 'failed', key: 'k2', code: 'invalid_card_state', description: 'no' },
  pending: { kind: 'pending', key: 'k3' },
  unknown: { kind: 'unknown', key: 'k4', reason: 'timeout' },
  transport: { kind: 'transport', key: 'k5', reason: 'ECONNREFUSED' },
};

describe('isOutcome', () => {
  it('knows every outcome', () => {
    for (const outcome of Object.values(outcomes)) expect(isOutcome(outcome)).toBe(true);
  });

  it('takes no other answer for one', () => {
    for (const value of [
      undefined,
      null,
      'done',
      { kind: 'done' },
      { kind: 'other', key: 'k' },
      { id: 'sandbox', name: 'Sandbox', active: true },
      { result: 'signature_accepted' },
      { requestId: 'r', op: 'card.block', state: 'done' },
    ]) {
      expect(isOutcome(value), JSON.stringify(value)).toBe(false);
    }
  });
});

describe('retryable', () => {
  it('is true only when nothing was done: refused by the bank or never reached it', () => {
    expect(retryable(outcomes.failed)).toBe(true);
    expect(retryable(outcomes.transport)).toBe(true);
    expect(retryable(outcomes.done)).toBe(false);
    expect(retryable(outcomes.pending)).toBe(false);
    expect(retryable(outcomes.unknown)).toBe(false);
    expect(retryable(undefined)).toBe(false);
  });
});

describe('expectDone', () => {
  it('answers the result of a done outcome and throws the others as OutcomeError', () => {
    expect(expectDone(outcomes.done)).toEqual({ client_id: '7' });
    expect(() => expectDone(outcomes.unknown)).toThrow(OutcomeError);
    expect(() => expectDone(outcomes.failed)).toThrow('failed: invalid_card_state');
  });
});

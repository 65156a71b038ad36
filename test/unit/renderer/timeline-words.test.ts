// What a card's timeline says of each journal entry: the reason in the operator's words, a note kept, how a PIN
// was set, and anything unknown shown as it came.
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { JournalEntryView } from '../../../common/contract/index.ts';
import { reasonOf, refusalOf } from '../../../renderer/src/screens/cards/timeline/timeline-words.ts';

const t = ((key: string, options?: { defaultValue?: string }) =>
  key.startsWith('errors:api.x_') ? (options?.defaultValue ?? key) : `«${key}»`) as unknown as TFunction;

function entry(op: string, params: Record<string, unknown>, more: Partial<JournalEntryView> = {}): JournalEntryView {
  return {
    requestId: 'k',
    op,
    profileId: 'sandbox',
    at: 1,
    updatedAt: 2,
    state: 'done',
    params,
    operator: null,
    approver: null,
    ...more,
  };
}

describe('timeline reasons', () => {
  it('say a block, unblock or close reason in words, with its note', () => {
    expect(reasonOf(t, entry('card.block', { description: 'lost' }))).toBe('«cards:actions.blockReasons.lost»');
    expect(reasonOf(t, entry('card.unblock', { description: 'found: at home' }))).toBe(
      '«cards:actions.unblockReasons.found»: at home',
    );
    expect(reasonOf(t, entry('card.close', { description: 'fraud: see case 12' }))).toBe(
      '«cards:actions.closeReasons.fraud»: see case 12',
    );
  });

  it('show a reason this version does not know as it was sent', () => {
    expect(reasonOf(t, entry('card.block', { description: 'client_request_x: note' }))).toBe('client_request_x: note');
    expect(reasonOf(t, entry('card.block', { description: 'Blocked by the bank' }))).toBe('Blocked by the bank');
    expect(reasonOf(t, entry('card.activate', { card_id: 'c' }))).toBe('');
  });

  it('say how a PIN was set and who identified the cardholder', () => {
    expect(reasonOf(t, entry('card.setPin', { pin: 'entered' }))).toBe('«cards:actions.setPin.entered»');
    expect(reasonOf(t, entry('card.setPin', { pin: 'generated' }))).toBe('«cards:actions.setPin.generated»');
    expect(reasonOf(t, entry('card.identify', { identification_info: { identified_by: 'Operator 7' } }))).toBe(
      'Operator 7',
    );
  });

  it('give a refusal only for a failed entry, as a sentence or as the bank said it', () => {
    const failed = { state: 'failed' as const, error: { code: 'invalid_card_state', description: 'wrong' } };
    expect(refusalOf(t, entry('card.block', {}, failed))).toBe('«errors:api.invalid_card_state»');
    expect(refusalOf(t, entry('card.block', {}, { ...failed, error: { code: 'x_new', description: 'new' } }))).toBe(
      'new',
    );
    expect(refusalOf(t, entry('card.block', {}))).toBe('');
  });
});

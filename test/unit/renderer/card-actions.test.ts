// The actions a card's status offers (renderer/src/screens/cards/card-actions.ts, docs/card-api.md,
// dictionaries): closed is final, an unknown status keeps what "any but closed" allows.
import { describe, expect, it } from 'vitest';
import { CARD_STATUSES } from '../../../common/contract/index.ts';
import { availableActions, CARD_ACTIONS, lastFour } from '../../../renderer/src/screens/cards/card-actions.ts';

describe('availableActions', () => {
  it.each([
    ['inactive', ['activate', 'identify', 'close']],
    ['active', ['block', 'setPin', 'resetPinCounter', 'identify', 'close']],
    ['blocked', ['unblock', 'setPin', 'resetPinCounter', 'identify', 'close']],
    ['expired', ['identify', 'close']],
    ['closed', []],
    ['frozen-by-bank', ['identify', 'close']],
  ])('offers a %s card %j', (status, actions) => {
    expect(availableActions(status)).toEqual(actions);
  });

  it('offers only known actions, each once, in the order of the buttons', () => {
    for (const status of CARD_STATUSES) {
      const actions = availableActions(status);
      expect(new Set(actions).size).toBe(actions.length);
      expect(actions).toEqual(CARD_ACTIONS.filter((action) => actions.includes(action)));
    }
  });

  it('never offers to activate a card twice or to unblock one that is not blocked', () => {
    for (const status of ['active', 'blocked', 'expired', 'closed'])
      expect(availableActions(status)).not.toContain('activate');
    for (const status of ['inactive', 'active', 'expired']) expect(availableActions(status)).not.toContain('unblock');
  });
});

describe('lastFour', () => {
  it('is the word typed to close a card', () => {
    expect(lastFour('440043******1234')).toBe('1234');
    expect(lastFour('4400 43** **** 9876')).toBe('9876');
    expect(lastFour('12')).toBe('12');
  });
});

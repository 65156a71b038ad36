// Which actions a card's status allows (docs/card-api.md, dictionaries). Closed is final: nothing is offered. An unknown status
// keeps only what the state machine allows for "any but closed".
export const CARD_ACTIONS = ['activate', 'block', 'unblock', 'setPin', 'resetPinCounter', 'identify', 'close'] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

export function availableActions(status: string): CardAction[] {
  if (status === 'closed') return [];
  const out: CardAction[] = [];
  if (status === 'inactive') out.push('activate');
  if (status === 'active') out.push('block');
  if (status === 'blocked') out.push('unblock');
  if (status === 'active' || status === 'blocked') out.push('setPin', 'resetPinCounter');
  out.push('identify', 'close');
  return out;
}

/** The contract method behind each action: the operator sees the actions their rights allow (api/rights.ts). */
export const ACTION_METHODS = {
  activate: 'cards.activate',
  block: 'cards.block',
  unblock: 'cards.unblock',
  setPin: 'cards.setPin',
  resetPinCounter: 'cards.resetPinCounter',
  identify: 'cards.identify',
  close: 'cards.close',
} as const satisfies Record<CardAction, string>;

/** The last four digits of a masked number ("123456******1234" → "1234"): the word typed to close the card. */
export function lastFour(mask: string): string {
  const digits = mask.replace(/\D/g, '');
  return digits.slice(-4);
}

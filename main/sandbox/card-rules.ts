// The payment-card state machine (docs/card-api.md, dictionaries), checked at acceptance and again at completion.
import type { Card } from './model.ts';
import type { Failure } from './envelopes.ts';

type Rule = { allowed: (status: string) => boolean; to?: string; needs: string };

const activeOrBlocked = (s: string): boolean => s === 'active' || s === 'blocked';
const notClosed = (s: string): boolean => s !== 'closed';

export const CARD_RULES = {
  'card.activate': { allowed: (s) => s === 'inactive', to: 'active', needs: 'an inactive card' },
  'card.block': { allowed: (s) => s === 'active', to: 'blocked', needs: 'an active card' },
  'card.unblock': { allowed: (s) => s === 'blocked', to: 'active', needs: 'a blocked card' },
  'card.close': { allowed: notClosed, to: 'closed', needs: 'a card that is not closed' },
  'card.setPin': { allowed: activeOrBlocked, needs: 'an active or blocked card' },
  'card.resetPinCounter': { allowed: activeOrBlocked, needs: 'an active or blocked card' },
  'card.identify': { allowed: notClosed, needs: 'a card that is not closed' },
  'card.link': { allowed: notClosed, needs: 'a card that is not closed' },
  'card.secret': { allowed: notClosed, needs: 'a card that is not closed' },
} satisfies Record<string, Rule>;
export type RuledOp = keyof typeof CARD_RULES;

/** Undefined when `op` may run on `card` now; else the invalid_card_state failure. */
export function stateProblem(op: RuledOp, card: Card): Failure | undefined {
  const rule: Rule = CARD_RULES[op];
  if (rule.allowed(card.status)) return undefined;
  return {
    code: 'invalid_card_state',
    description: `${op} needs ${rule.needs}; card ${card.card_id} is ${card.status}`,
  };
}

export function nextStatus(op: RuledOp, card: Card): string {
  const rule: Rule = CARD_RULES[op];
  return rule.to ?? card.status;
}

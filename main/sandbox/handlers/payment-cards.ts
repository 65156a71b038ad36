// Payment-card operations (docs/card-api.md, payment-card catalog): checks at acceptance, and the synchronous reads.
import type { z } from 'zod';
import type { operations } from '../../../common/card-api/catalog/index.ts';
import { deriveCvv, derivePan } from '../card-numbers.ts';
import { stateProblem, type RuledOp } from '../card-rules.ts';
import type { Card, Client, LimitEntry, LimitObject, TransitionOp } from '../model.ts';
import { accountOf, operationsBetween } from '../statement.ts';
import { accept, fail, read, requestStatusFields, type OpContext, type OpOutcome } from './types.ts';

type Ops = typeof operations;
type Body<K extends keyof Ops> = z.output<Ops[K]['request']>;
type Handler<K extends keyof Ops> = (ctx: OpContext, body: Body<K>) => OpOutcome;

/** The Card shape of docs/card-api.md, payment-card catalog, without the sandbox's bookkeeping. */
export function publicCard(card: Card): Record<string, unknown> {
  const { card_id, card_mask, status, expiry, product_id, client_id, kind, cardholder_name } = card;
  return { card_id, card_mask, status, expiry, product_id, client_id, kind, cardholder_name };
}

type Found<T> = { found: T } | { outcome: OpOutcome };

function findCard(ctx: OpContext, id: string): Found<Card> {
  const card = ctx.merchant.cards.get(id);
  return card === undefined ? { outcome: fail('card_not_found', `card ${id} not found`) } : { found: card };
}

function findClient(ctx: OpContext, id: string): Found<Client> {
  const client = ctx.merchant.clients.get(id);
  return client === undefined ? { outcome: fail('client_not_found', `client ${id} not found`) } : { found: client };
}

/** card_not_found, or invalid_card_state when the state machine forbids `op` right now. */
function cardFor(ctx: OpContext, id: string, op: RuledOp): Found<Card> {
  const card = findCard(ctx, id);
  if (!('found' in card)) return card;
  const problem = stateProblem(op, card.found);
  return problem === undefined ? card : { outcome: { kind: 'fail', failure: problem } };
}

function transition(op: TransitionOp): Handler<TransitionOp> {
  return (ctx, body) => {
    const card = cardFor(ctx, body.card_id, op);
    if (!('found' in card)) return card.outcome;
    const description = 'description' in body ? body.description : null;
    return accept({ kind: 'card.transition', op, card_id: body.card_id, description });
  };
}

function limitObjectProblem(ctx: OpContext, object: LimitObject): OpOutcome | undefined {
  if (object.type === 'card')
    return 'found' in findCard(ctx, object.value)
      ? undefined
      : fail('card_not_found', `card ${object.value} not found`);
  if (object.type === 'client')
    return 'found' in findClient(ctx, object.value)
      ? undefined
      : fail('client_not_found', `client ${object.value} not found`);
  for (const card of ctx.merchant.cards.values()) if (card.iban === object.value) return undefined;
  return fail('card_not_found', `account ${object.value} not found`);
}

/** "1500" → "1500.00", so limits read back in one format. */
function decimal2(value: string): string {
  const [whole = '0', fraction = ''] = value.split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}

export const paymentCardHandlers: { [K in Exclude<keyof Ops, `gift.${string}`>]: Handler<K> } = {
  'client.create': (_ctx, body) => {
    const c = body.client;
    return accept({
      kind: 'client.create',
      client: {
        product_id: body.product_id,
        phone: c.phone,
        type: c.type,
        resident: c.resident,
        first_name: c.first_name,
        last_name: c.last_name,
        middle_name: c.middle_name ?? null,
        email: c.email ?? null,
        country: c.country ?? null,
        branch_id: body.branch_id ?? null,
        // The scan itself is not kept: the sandbox only needs to know one was given.
        has_document: c.document !== undefined,
        identification: c.identification_info ?? null,
      },
    });
  },
  'client.update': (ctx, body) => {
    const client = findClient(ctx, body.client_id);
    if (!('found' in client)) return client.outcome;
    return accept({
      kind: 'client.update',
      client_id: body.client_id,
      product_id: body.product_id,
      phone: body.client.phone,
    });
  },
  'client.cards': (ctx, body) => {
    const client = findClient(ctx, body.client_id);
    if (!('found' in client)) return client.outcome;
    const cards = [...ctx.merchant.cards.values()].filter((c) => c.client_id === body.client_id).map(publicCard);
    return read({ cards });
  },
  'card.issue': (ctx, body) => {
    const client = findClient(ctx, body.client_id);
    if (!('found' in client)) return client.outcome;
    return accept({
      kind: 'card.issue',
      client_id: body.client_id,
      card_kind: 'virtual',
      embossed_name: null,
      branch_id: null,
    });
  },
  'card.issuePlastic': (ctx, body) => {
    const client = findClient(ctx, body.client_id);
    if (!('found' in client)) return client.outcome;
    return accept({
      kind: 'card.issue',
      client_id: body.client_id,
      card_kind: 'plastic',
      embossed_name: body.embossed_name,
      branch_id: body.branch_id ?? null,
    });
  },
  'card.issueBulk': (_ctx, body) =>
    accept({ kind: 'card.issueBulk', product_id: body.product_id, quantity: body.quantity }),
  'card.link': (ctx, body) => {
    const client = findClient(ctx, body.client_id);
    if (!('found' in client)) return client.outcome;
    const card = cardFor(ctx, body.card_id, 'card.link');
    if (!('found' in card)) return card.outcome;
    if (card.found.client_id !== null)
      return fail('invalid_card_state', `card ${body.card_id} is already linked to a client`);
    return accept({ kind: 'card.link', client_id: body.client_id, card_id: body.card_id });
  },
  'card.activate': transition('card.activate'),
  'card.block': transition('card.block'),
  'card.unblock': transition('card.unblock'),
  'card.close': transition('card.close'),
  'card.resetPinCounter': transition('card.resetPinCounter'),
  'card.setPin': (ctx, body) => {
    const card = cardFor(ctx, body.card_id, 'card.setPin');
    if (!('found' in card)) return card.outcome;
    // The PIN block itself is dropped here: only whether the processor must generate one is kept.
    return accept({ kind: 'card.setPin', card_id: body.card_id, generated: body.pin === undefined });
  },
  'card.identify': (ctx, body) => {
    const card = cardFor(ctx, body.card_id, 'card.identify');
    if (!('found' in card)) return card.outcome;
    return accept({ kind: 'card.identify', card_id: body.card_id, identification: body.identification_info });
  },
  'card.info': (ctx, body) => {
    const card = findCard(ctx, body.card_id);
    return 'found' in card ? read({ card: publicCard(card.found) }) : card.outcome;
  },
  'card.balance': (ctx, body) => {
    const card = findCard(ctx, body.card_id);
    return 'found' in card ? read({ accounts: [accountOf(card.found)] }) : card.outcome;
  },
  'card.secret': (ctx, body) => {
    const card = cardFor(ctx, body.card_id, 'card.secret');
    if (!('found' in card)) return card.outcome;
    const { card_id, expiry, cardholder_name } = card.found;
    return read({
      pan: derivePan(ctx.state.seed, card_id),
      cvv: deriveCvv(ctx.state.seed, card_id),
      expiry,
      cardholder_name,
    });
  },
  'card.statement': (ctx, body) => {
    const card = findCard(ctx, body.card_id);
    if (!('found' in card)) return card.outcome;
    return read({ operations: operationsBetween(card.found, body.start_date, body.end_date) });
  },
  'card.statementExtended': (ctx, body) => {
    const card = findCard(ctx, body.card_id);
    if (!('found' in card)) return card.outcome;
    const c = card.found;
    return read({
      client_id: c.client_id,
      card: { card_id: c.card_id, card_mask: c.card_mask },
      balances: { accounts: [accountOf(c)] },
      authorizations: [],
      operations: operationsBetween(c, body.start_date, body.end_date),
    });
  },
  'request.status': (ctx, body) => {
    const record = ctx.request(body.request_id);
    if (record === undefined) return fail('request_not_found', `no request ${body.request_id}`);
    return read(requestStatusFields(record));
  },
  'limits.set': (ctx, body) => {
    const problem = limitObjectProblem(ctx, body.object);
    if (problem !== undefined) return problem;
    const limits: LimitEntry[] = body.limits.flatMap((l) =>
      l.amount.map((a) => ({
        transaction_type: l.transaction_type,
        region: l.region ?? null,
        period: l.period ?? null,
        amount: decimal2(a.value),
        currency: a.currency,
      })),
    );
    return accept({ kind: 'limits.set', object: body.object, limits });
  },
  'limits.list': (ctx, body) => {
    const problem = limitObjectProblem(ctx, body.object);
    if (problem !== undefined) return problem;
    const entries = ctx.merchant.limits.get(`${body.object.type}:${body.object.value}`) ?? [];
    const limits = entries.map((l) => ({
      transaction_type: l.transaction_type,
      ...(l.period === null ? {} : { period: l.period }),
      ...(l.region === null ? {} : { region: l.region }),
      amount: l.amount,
      currency: l.currency,
      used: '0.00',
      available: l.amount,
    }));
    return read({ limits });
  },
};

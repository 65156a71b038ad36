// Completion of accepted async writes: re-check the state machine, then change the world.
import { derivePan, expiryFrom, ibanFor, maskPan } from './card-numbers.ts';
import { nextStatus, stateProblem } from './card-rules.ts';
import type { Failure } from './envelopes.ts';
import type { Card, Client, Effect, LimitEntry, MerchantData, SandboxState } from './model.ts';
import { sendSms } from './outbox.ts';
import { generateOperations } from './statement.ts';

export type EffectResult = { ok: true; client_id?: string; cards?: string[] } | { ok: false; failure: Failure };

interface Ctx {
  state: SandboxState;
  merchant: MerchantData;
  now: number;
}

export function cardholderNameOf(client: Client): string {
  return `${client.first_name} ${client.last_name}`.toUpperCase();
}

function newCard(
  ctx: Ctx,
  fields: Pick<Card, 'product_id' | 'client_id' | 'kind' | 'cardholder_name' | 'branch_id'>,
): Card {
  const n = ++ctx.state.counters.card;
  const card_id = `card_${String(n)}`;
  const card: Card = {
    card_id,
    card_mask: maskPan(derivePan(ctx.state.seed, card_id)),
    status: 'inactive',
    expiry: expiryFrom(ctx.now),
    ...fields,
    iban: ibanFor(n),
    issued_at: ctx.now,
    activated_at: null,
    pin_set: false,
    pin_generated: 0,
    pin_counter_resets: 0,
    identification: null,
    last_description: null,
    operations: [],
  };
  ctx.merchant.cards.set(card_id, card);
  return card;
}

const missing = (code: string, what: string): EffectResult => ({
  ok: false,
  failure: { code, description: `${what} not found` },
});

/** Same key = same limit: a new value replaces the old one. */
const limitKey = (l: LimitEntry): string => `${l.transaction_type}|${l.region ?? ''}|${l.period ?? ''}|${l.currency}`;

export function applyEffect(ctx: Ctx, effect: Effect): EffectResult {
  const { merchant } = ctx;
  switch (effect.kind) {
    case 'client.create': {
      const client_id = `cl_${String(++ctx.state.counters.client)}`;
      merchant.clients.set(client_id, { ...effect.client, client_id, created_at: ctx.now });
      return { ok: true, client_id };
    }
    case 'client.update': {
      const client = merchant.clients.get(effect.client_id);
      if (client === undefined) return missing('client_not_found', `client ${effect.client_id}`);
      client.phone = effect.phone;
      client.product_id = effect.product_id;
      return { ok: true, client_id: client.client_id };
    }
    case 'card.issue': {
      const client = merchant.clients.get(effect.client_id);
      if (client === undefined) return missing('client_not_found', `client ${effect.client_id}`);
      const card = newCard(ctx, {
        product_id: client.product_id,
        client_id: client.client_id,
        kind: effect.card_kind,
        cardholder_name: effect.embossed_name ?? cardholderNameOf(client),
        branch_id: effect.branch_id,
      });
      return { ok: true, client_id: client.client_id, cards: [card.card_id] };
    }
    case 'card.issueBulk': {
      const cards: string[] = [];
      for (let i = 0; i < effect.quantity; i++) {
        const card = newCard(ctx, {
          product_id: effect.product_id,
          client_id: null,
          kind: 'virtual',
          cardholder_name: '',
          branch_id: null,
        });
        cards.push(card.card_id);
      }
      return { ok: true, cards };
    }
    case 'card.link': {
      const client = merchant.clients.get(effect.client_id);
      const card = merchant.cards.get(effect.card_id);
      if (client === undefined) return missing('client_not_found', `client ${effect.client_id}`);
      if (card === undefined) return missing('card_not_found', `card ${effect.card_id}`);
      const problem = stateProblem('card.link', card);
      if (problem !== undefined) return { ok: false, failure: problem };
      if (card.client_id !== null) {
        return {
          ok: false,
          failure: { code: 'invalid_card_state', description: `card ${card.card_id} is already linked` },
        };
      }
      card.client_id = client.client_id;
      card.cardholder_name = cardholderNameOf(client);
      return { ok: true, client_id: client.client_id, cards: [card.card_id] };
    }
    case 'card.transition':
    case 'card.setPin':
    case 'card.identify': {
      const card = merchant.cards.get(effect.card_id);
      if (card === undefined) return missing('card_not_found', `card ${effect.card_id}`);
      const op = effect.kind === 'card.transition' ? effect.op : effect.kind;
      const problem = stateProblem(op, card);
      if (problem !== undefined) return { ok: false, failure: problem };
      card.status = nextStatus(op, card);
      if (effect.kind === 'card.transition') {
        if (effect.description !== null) card.last_description = effect.description;
        if (effect.op === 'card.activate' && card.operations.length === 0) {
          card.activated_at = ctx.now;
          card.operations = generateOperations(card.card_id, ctx.now);
        }
        if (effect.op === 'card.resetPinCounter') card.pin_counter_resets += 1;
      } else if (effect.kind === 'card.setPin') {
        card.pin_set = true;
        if (effect.generated) {
          card.pin_generated += 1;
          const client = card.client_id === null ? undefined : merchant.clients.get(card.client_id);
          // The processor's PIN goes to the holder; the text carries no digits at all.
          if (client !== undefined)
            sendSms(
              ctx.state,
              client.phone,
              'PIN set. Your card PIN has been generated and set; never share it.',
              ctx.now,
            );
        }
      } else {
        card.identification = effect.identification;
      }
      return { ok: true, cards: [card.card_id] };
    }
    case 'limits.set': {
      const key = `${effect.object.type}:${effect.object.value}`;
      const byKey = new Map((merchant.limits.get(key) ?? []).map((l) => [limitKey(l), l]));
      for (const limit of effect.limits) byKey.set(limitKey(limit), limit);
      merchant.limits.set(key, [...byKey.values()]);
      return { ok: true };
    }
  }
}

// What the directory learns from an operation the app did (docs/architecture.md, data): the body the operator
// sent and the outcome main received, in main, never from the renderer. A client.create that settles later
// (pending, then done by reconciliation) is remembered when its journal entry turns done.
import type { Outcome } from '../../../common/card-api/outcome.ts';
import type { AddressRecord, CardRecord, ClientRecord, DirectoryRecord } from './records.ts';
import { lastFourOf } from './tokens.ts';

type Body = Record<string, unknown>;

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : undefined;
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const obj = (v: unknown): Body | undefined => (typeof v === 'object' && v !== null ? (v as Body) : undefined);

function address(v: unknown): AddressRecord | undefined {
  const a = obj(v);
  if (a === undefined) return undefined;
  const lines = [a.address_line1, a.address_line2, a.address_line3].map(str).filter((l) => l !== undefined);
  return { country: str(a.country) ?? '', postalCode: str(a.postal_code) ?? '', lines };
}

/** The client of a client.create body, once its id is known. */
export function createdClient(profileId: string, clientId: string, body: Body): ClientRecord {
  const c = obj(body.client) ?? {};
  const addresses = [address(c.address1), address(c.address2)].filter((a) => a !== undefined);
  return {
    kind: 'client',
    profileId,
    clientId,
    firstName: str(c.first_name),
    lastName: str(c.last_name),
    middleName: str(c.middle_name),
    phone: str(c.phone),
    personId: str(c.person_id),
    productId: num(body.product_id),
    birthDate: str(c.birthdate),
    country: str(c.country),
    ...(addresses.length > 0 ? { addresses } : {}),
  };
}

/** A card as card.info and client.cards answer it. */
export function cardFrom(profileId: string, card: Body): CardRecord | undefined {
  const cardId = str(card.card_id);
  if (cardId === undefined) return undefined;
  const mask = str(card.card_mask);
  return {
    kind: 'card',
    profileId,
    cardId,
    clientId: str(card.client_id),
    mask,
    lastFour: mask === undefined ? undefined : lastFourOf(mask),
    status: str(card.status),
    cardKind: str(card.kind),
    cardholderName: str(card.cardholder_name),
    productId: num(card.product_id),
  };
}

const STATUS_AFTER: Record<string, string> = {
  'card.activate': 'active',
  'card.block': 'blocked',
  'card.unblock': 'active',
  'card.close': 'closed',
};

/**
 * The records one settled operation teaches. `panToken` turns a revealed card number into its keyed hash (the
 * number goes no further).
 */
export function learn(
  profileId: string,
  opId: string,
  body: Body,
  outcome: Outcome,
  panToken: (pan: string) => string,
): DirectoryRecord[] {
  if (outcome.kind !== 'done') return [];
  const result = outcome.result;
  const cardIdOf = (r: Body) => str(obj((r.cards as unknown[] | undefined)?.[0])?.card_id);
  switch (opId) {
    case 'client.create': {
      const clientId = str(result.client_id);
      return clientId === undefined ? [] : [createdClient(profileId, clientId, body)];
    }
    case 'client.update': {
      const clientId = str(body.client_id);
      if (clientId === undefined) return [];
      const phone = str(obj(body.client)?.phone);
      return [{ kind: 'client', profileId, clientId, phone, productId: num(body.product_id) }];
    }
    case 'card.issue':
    case 'card.issuePlastic':
    case 'card.link': {
      const cardId = str(body.card_id) ?? cardIdOf(result);
      if (cardId === undefined) return [];
      const holder = str(body.embossed_name);
      return [{ kind: 'card', profileId, cardId, clientId: str(body.client_id), cardholderName: holder }];
    }
    case 'card.info': {
      const card = cardFrom(profileId, obj(result.card) ?? {});
      return card === undefined ? [] : [card];
    }
    case 'client.cards': {
      const cards = Array.isArray(result.cards) ? result.cards : [];
      return cards.map((c) => cardFrom(profileId, obj(c) ?? {})).filter((c) => c !== undefined);
    }
    case 'card.secret': {
      const cardId = str(body.card_id);
      const pan = typeof result.pan === 'string' ? result.pan : undefined;
      if (cardId === undefined || pan === undefined) return [];
      return [{ kind: 'card', profileId, cardId, panToken: panToken(pan), lastFour: pan.slice(-4) }];
    }
    default: {
      const status = STATUS_AFTER[opId];
      const cardId = str(body.card_id);
      return status === undefined || cardId === undefined ? [] : [{ kind: 'card', profileId, cardId, status }];
    }
  }
}

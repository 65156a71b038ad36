// Directory records as the contract shows them (common/contract/methods/directory.ts): a phone and a national id
// masked in search results, a card as its mask; never a card number (a record holds none).
import type { DirectoryClientView, DirectoryHit } from '../../../common/contract/methods/directory.ts';
import { maskPhone } from '../journal/redact.ts';
import type { CardRecord, ClientRecord, DirectoryRecord } from './records.ts';

const orNull = <T>(v: T | undefined): T | null => v ?? null;

export function fullName(c: Pick<ClientRecord, 'firstName' | 'lastName' | 'middleName'>): string | null {
  const name = [c.lastName, c.firstName, c.middleName].filter((p) => p !== undefined).join(' ');
  return name === '' ? null : name;
}

export function hitView(record: DirectoryRecord, updatedAt: number): DirectoryHit {
  if (record.kind === 'client') {
    return {
      kind: 'client',
      id: record.clientId,
      clientId: record.clientId,
      name: fullName(record),
      phone: record.phone === undefined ? null : maskPhone(record.phone),
      productId: orNull(record.productId),
      cardMask: null,
      status: null,
      updatedAt,
    };
  }
  return {
    kind: 'card',
    id: record.cardId,
    clientId: orNull(record.clientId),
    name: orNull(record.cardholderName),
    phone: null,
    productId: orNull(record.productId),
    cardMask: record.mask ?? (record.lastFour === undefined ? null : `****${record.lastFour}`),
    status: orNull(record.status),
    updatedAt,
  };
}

function maskId(id: string): string {
  return id.length <= 4 ? '****' : `${'*'.repeat(id.length - 4)}${id.slice(-4)}`;
}

export function clientView(client: ClientRecord, cards: CardRecord[], updatedAt: number): DirectoryClientView {
  return {
    known: true,
    enabled: true,
    clientId: client.clientId,
    firstName: orNull(client.firstName),
    lastName: orNull(client.lastName),
    middleName: orNull(client.middleName),
    phone: orNull(client.phone),
    personId: client.personId === undefined ? null : maskId(client.personId),
    productId: orNull(client.productId),
    birthDate: orNull(client.birthDate),
    country: orNull(client.country),
    addresses: client.addresses ?? [],
    cards: cards.map((c) => ({ cardId: c.cardId, cardMask: orNull(c.mask), status: orNull(c.status) })),
    updatedAt,
  };
}

// What the directory knows about a client or a card, as sealed in its row (docs/architecture.md, data). Never a
// card number: a card is its id, mask and status, and a revealed number only leaves a keyed hash (`panToken`).

export interface AddressRecord {
  country: string;
  postalCode: string;
  lines: string[];
}

export interface ClientRecord {
  kind: 'client';
  profileId: string;
  clientId: string;
  firstName?: string;
  lastName?: string;
  middleName?: string;
  /** E.164 digits without "+". */
  phone?: string;
  /** National id (IIN, PIN) as entered. */
  personId?: string;
  productId?: number;
  birthDate?: string;
  country?: string;
  addresses?: AddressRecord[];
}

export interface CardRecord {
  kind: 'card';
  profileId: string;
  cardId: string;
  clientId?: string;
  /** First 6 and last 4 digits, as the Card API answers it. */
  mask?: string;
  lastFour?: string;
  status?: string;
  cardKind?: string;
  cardholderName?: string;
  productId?: number;
  /** The keyed hash of the card number, once it was revealed here; the number itself is never kept. */
  panToken?: string;
}

export type DirectoryRecord = ClientRecord | CardRecord;

/** A later fact overrides an earlier one; what the later one does not say is kept. */
export function merge<R extends DirectoryRecord>(known: R | undefined, next: R): R {
  if (known === undefined) return next;
  const defined = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined));
  return { ...known, ...defined };
}

export function entityOf(record: DirectoryRecord): string {
  return record.kind === 'client' ? record.clientId : record.cardId;
}

// The workstation's directory: finding a client or a card by name, phone, national id, last four or a whole card
// number, and a client's data as this workstation knows it (docs/architecture.md, data). The Card API has no
// search; main keeps what the app created or opened, for the active profile only. No answer carries a card
// number: cards come as their mask.
import { z } from 'zod';
import * as f from '../../card-api/catalog/fields.ts';
import { method } from '../method.ts';

const onActive = { scope: 'directory', target: 'active', right: 'clients' } as const;

/** Results a search answers per page when it names no limit. */
export const DIRECTORY_PAGE = 20;

export interface DirectoryHit {
  kind: 'client' | 'card';
  /** The client id or the card id. */
  id: string;
  clientId: string | null;
  /** The client's or the cardholder's name. */
  name: string | null;
  /** Only the last four digits shown (docs/card-api.md, sensitive data). */
  phone: string | null;
  productId: number | null;
  /** First 6 and last 4 digits. */
  cardMask: string | null;
  status: string | null;
  /** When this workstation last learned about it (ms). */
  updatedAt: number;
}

export interface DirectorySearchView {
  /** False when a policy turned the directory off: nothing is kept and nothing is found. */
  enabled: boolean;
  entries: DirectoryHit[];
  nextCursor: string | null;
}

export interface DirectoryAddress {
  country: string;
  postalCode: string;
  lines: string[];
}

export interface DirectoryClientCard {
  cardId: string;
  cardMask: string | null;
  status: string | null;
}

export type DirectoryClientView =
  | { known: false; enabled: boolean }
  | {
      known: true;
      enabled: true;
      clientId: string;
      firstName: string | null;
      lastName: string | null;
      middleName: string | null;
      /** E.164 digits without "+". */
      phone: string | null;
      /** The national id with all but its last four characters masked. */
      personId: string | null;
      productId: number | null;
      birthDate: string | null;
      country: string | null;
      addresses: DirectoryAddress[];
      cards: DirectoryClientCard[];
      updatedAt: number;
    };

export const directoryMethods = {
  /** Rows of the active profile matching every word of `text`, newest first (docs/operator-ui.md). */
  'directory.search': method(
    z.strictObject({
      text: z.string().trim().min(1).max(100),
      cursor: z
        .string()
        .regex(/^\d{1,4}$/)
        .nullable()
        .optional(),
      limit: z.int().min(1).max(100).default(DIRECTORY_PAGE),
    }),
    onActive,
  ).returns<DirectorySearchView>(),
  /** A client's data as this workstation knows it, or `known: false`. */
  'directory.client': method(z.strictObject({ clientId: f.entityId }), onActive).returns<DirectoryClientView>(),
} as const;

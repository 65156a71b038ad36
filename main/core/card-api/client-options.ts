// What a Card API client is built from: where it connects, its secrets and journal, and how long it waits.
import type { Journal } from '../journal/index.ts';
import type { Scheme, SecretSource } from './signing.ts';

export interface Connection {
  baseUrl: string;
  merchantId: number;
  scheme: Scheme;
  profileId?: string;
}

/** How long the client waits; the defaults suit production, tests shorten them. */
export interface ClientTiming {
  /** Deadline of one HTTP exchange. */
  deadlineMs?: number | undefined;
  /** How long one call polls an accepted async write before leaving it pending. */
  pollCeilingMs?: number | undefined;
  /** After this long without an answer, "request not found" proves a write was never received. */
  notReceivedGraceMs?: number | undefined;
}

export interface ClientOptions extends ClientTiming {
  connection: Connection;
  secrets: SecretSource;
  journal: Journal;
  /** Re-sends of the identical bytes after Request status said the server never got them. */
  maxResends?: number;
  /** Attempts of a read (each with fresh ids). */
  readAttempts?: number;
  random?: () => number;
  now?: () => number;
  sleep?: (ms: number) => Promise<unknown>;
  /** Where each call's outcome is written (the application log redacts every line). */
  log?: { info(message: string): void } | undefined;
  /** Keys of the writes this process is delivering right now, shared by its clients (one of its own otherwise). */
  delivering?: Set<string>;
  /** Every HTTP exchange runs through it: a bulk job bounds its requests at the bank with it (docs/bulk.md). */
  sendGate?: SendGate;
}

/** Runs one exchange when the caller's bound allows it. */
export type SendGate = <T>(send: () => Promise<T>) => Promise<T>;

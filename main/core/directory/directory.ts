// The workstation's directory of the clients and cards it created or opened, for search (docs/architecture.md,
// data and security). Rows are sealed with the directory key; each is found through keyed hashes of its tokens,
// scoped to its profile, so one profile's search never reaches another's rows. A whole card number is matched
// through its keyed hash only.
import type { DirectoryKeys } from './crypto.ts';
import { keyCheck, keyedHash, openRow, sameKeys, sealRow } from './crypto.ts';
import { entityOf, merge, type CardRecord, type DirectoryRecord } from './records.ts';
import type { DirectoryStore } from './store.ts';
import { queryWords, recordTokens } from './tokens.ts';

const KEY_CHECK = 'key-check';

export interface Found<R extends DirectoryRecord> {
  record: R;
  /** When this workstation last learned about it (ms). */
  updatedAt: number;
}

export class Directory {
  private readonly store: DirectoryStore;
  private readonly keys: DirectoryKeys;
  private readonly now: () => number;

  /** Rows sealed under other keys (a lost keychain entry) cannot be read: they are dropped. */
  constructor(store: DirectoryStore, keys: DirectoryKeys, now: () => number = Date.now) {
    this.store = store;
    this.keys = keys;
    this.now = now;
    const check = store.meta(KEY_CHECK);
    if (check === undefined || !sameKeys(keys, check)) {
      if (check !== undefined) store.clear();
      store.setMeta(KEY_CHECK, keyCheck(keys));
    }
  }

  /** The keyed hash of a whole card number, as it is kept and as a typed one is matched. */
  panToken(profileId: string, pan: string): string {
    return keyedHash(this.keys, 'pan', profileId, pan.replace(/\D/g, ''));
  }

  /** Merges what is newly known into the record, touching it (retention counts from here). */
  remember(record: DirectoryRecord): void {
    const id = this.rowId(record.kind, record.profileId, entityOf(record));
    const known = this.read(id);
    const next = merge(known?.kind === record.kind ? known : undefined, record);
    const tokens = recordTokens(next).map((t) => this.tokenHash(next.profileId, t));
    this.store.put({ id, kind: next.kind, blob: sealRow(this.keys, id, next), updatedAt: this.now() }, tokens);
  }

  /** The record of one client or card, with when it was last touched. */
  find<K extends DirectoryRecord['kind']>(
    kind: K,
    profileId: string,
    entityId: string,
  ): Found<Extract<DirectoryRecord, { kind: K }>> | undefined {
    const found = this.open(this.rowId(kind, profileId, entityId));
    return found?.record.kind === kind ? (found as Found<Extract<DirectoryRecord, { kind: K }>>) : undefined;
  }

  /** The cards known to belong to a client, newest first. */
  cardsOf(profileId: string, clientId: string): CardRecord[] {
    return this.store
      .rowsWithAny([this.tokenHash(profileId, `client:${clientId}`)])
      .map((id) => this.open(id)?.record)
      .filter((r): r is CardRecord => r?.kind === 'card' && r.clientId === clientId);
  }

  /**
   * Rows of the profile matching every word of `text`, newest first, each with when it was last touched. A word
   * matches a name prefix, an id, a phone ending, a last four, or (a whole card number) the card's keyed hash.
   * Only the rows of the page asked for are opened; `total` counts every match.
   */
  search(
    profileId: string,
    text: string,
    offset = 0,
    limit = Infinity,
  ): { found: Found<DirectoryRecord>[]; total: number } {
    const words = queryWords(text);
    let matched: string[] = [];
    for (const [index, word] of words.entries()) {
      const hashes = word.tokens.map((t) => this.tokenHash(profileId, t));
      if (word.pan !== undefined) hashes.push(this.tokenHash(profileId, `pan:${this.panToken(profileId, word.pan)}`));
      const ids = this.store.rowsWithAny(hashes);
      const these = new Set(ids);
      matched = index === 0 ? ids : matched.filter((id) => these.has(id));
      if (matched.length === 0) break;
    }
    const page = matched.slice(offset, offset + limit).map((id) => this.open(id));
    return { found: page.filter((found) => found !== undefined), total: matched.length };
  }

  /** Deletes rows nobody touched for `days`; answers how many. */
  purge(days: number): number {
    return this.store.purgeBefore(this.now() - days * 24 * 60 * 60_000);
  }

  private read(id: string): DirectoryRecord | undefined {
    return this.open(id)?.record;
  }

  private open(id: string): Found<DirectoryRecord> | undefined {
    const row = this.store.get(id);
    const record = row === undefined ? undefined : (openRow(this.keys, id, row.blob) as DirectoryRecord | undefined);
    return row === undefined || record === undefined ? undefined : { record, updatedAt: row.updatedAt };
  }

  private rowId(kind: string, profileId: string, entityId: string): string {
    return keyedHash(this.keys, 'row', kind, profileId, entityId);
  }

  private tokenHash(profileId: string, token: string): string {
    return keyedHash(this.keys, 'token', profileId, token);
  }
}

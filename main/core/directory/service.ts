// The directory as the services use it (docs/architecture.md, data): on unless a policy turns it off (then its
// file is deleted and nothing is kept), rows untouched for the policy's days purged at start and daily, fed by
// the operations main settles. Feeding never fails an operation: a problem is reported and the operation goes on.
import { join } from 'node:path';
import type { Outcome } from '../../../common/card-api/outcome.ts';
import type { DirectoryClientView, DirectorySearchView } from '../../../common/contract/methods/directory.ts';
import { DAY_MS } from '../journal/retention.ts';
import { Directory } from './directory.ts';
import { createdClient, learn } from './feed.ts';
import type { DirectoryKeySource, LoadedKeys } from './keys.ts';
import { deleteDirectoryFile, DIRECTORY_FILE, DirectoryStore } from './store.ts';
import { clientView, hitView } from './views.ts';

export interface DirectoryPolicy {
  enabled: boolean;
  retentionDays: number;
}

export interface DirectoryServiceOptions {
  dataDir: string;
  keys: DirectoryKeySource;
  /** Read at every use, so a new policy applies at once. */
  policy: () => DirectoryPolicy;
  report: (error: unknown) => void;
  now?: () => number;
}

type Body = Record<string, unknown>;
/** client.create bodies waiting for their outcome, by operation key; memory only, bounded. */
const MAX_WAITING = 1000;

export class DirectoryService {
  private readonly options: DirectoryServiceOptions;
  private readonly path: string;
  private keys: Promise<LoadedKeys> | undefined;
  private open: { directory: Directory; store: DirectoryStore } | undefined;
  private readonly waiting = new Map<string, { profileId: string; body: Body }>();
  private readonly daily: NodeJS.Timeout;
  private closed = false;

  constructor(options: DirectoryServiceOptions) {
    this.options = options;
    this.path = join(options.dataDir, DIRECTORY_FILE);
    void this.purge();
    this.daily = setInterval(() => void this.purge(), DAY_MS);
    this.daily.unref();
  }

  /** An operation main settled: what it teaches is remembered (the body stays in main). */
  async settled(profileId: string, opId: string, body: Body, outcome: Outcome): Promise<void> {
    try {
      if (opId === 'client.create' && (outcome.kind === 'pending' || outcome.kind === 'unknown')) {
        this.waitFor(outcome.key, profileId, body);
      }
      const directory = await this.directory();
      if (directory === undefined) return;
      for (const record of learn(profileId, opId, body, outcome, (pan) => directory.panToken(profileId, pan))) {
        directory.remember(record);
      }
    } catch (error) {
      this.options.report(error);
    }
  }

  /** A journal entry turned final: a client.create that waited is remembered with its client id. */
  async journalSettled(key: string, state: string, result: () => Body | undefined): Promise<void> {
    const waiting = this.waiting.get(key);
    if (waiting === undefined || (state !== 'done' && state !== 'failed')) return;
    this.waiting.delete(key);
    const clientId = result()?.client_id;
    if (state !== 'done' || (typeof clientId !== 'string' && typeof clientId !== 'number')) return;
    try {
      (await this.directory())?.remember(createdClient(waiting.profileId, String(clientId), waiting.body));
    } catch (error) {
      this.options.report(error);
    }
  }

  async search(profileId: string, text: string, cursor: string | null | undefined, limit: number) {
    const directory = await this.directory();
    if (directory === undefined) return { enabled: false, entries: [], nextCursor: null } satisfies DirectorySearchView;
    const offset = cursor === null || cursor === undefined ? 0 : Number(cursor);
    const { found, total } = directory.search(profileId, text, offset, limit);
    const page = found.map((f) => hitView(f.record, f.updatedAt));
    const next = offset + limit < total ? String(offset + limit) : null;
    return { enabled: true, entries: page, nextCursor: next } satisfies DirectorySearchView;
  }

  async client(profileId: string, clientId: string): Promise<DirectoryClientView> {
    const directory = await this.directory();
    if (directory === undefined) return { known: false, enabled: false };
    const found = directory.find('client', profileId, clientId);
    if (found === undefined) return { known: false, enabled: true };
    return clientView(found.record, directory.cardsOf(profileId, clientId), found.updatedAt);
  }

  /** Purges rows past the retention; with the directory turned off, deletes its file. */
  async purge(): Promise<void> {
    try {
      const directory = await this.directory();
      directory?.purge(this.options.policy().retentionDays);
    } catch (error) {
      this.options.report(error);
    }
  }

  close(): void {
    this.closed = true;
    clearInterval(this.daily);
    this.open?.store.close();
    this.open = undefined;
  }

  /** Read through a method so the compiler does not assume it unchanged across the await above. */
  private reopened(): Directory | undefined {
    return this.open?.directory;
  }

  private isClosed(): boolean {
    return this.closed;
  }

  private waitFor(key: string, profileId: string, body: Body): void {
    // The identity document is not needed to remember a client: it is not kept, even in memory.
    const client = Object.fromEntries(Object.entries((body.client ?? {}) as Body).filter(([k]) => k !== 'document'));
    if (this.waiting.size >= MAX_WAITING) this.waiting.delete(this.waiting.keys().next().value ?? '');
    this.waiting.set(key, { profileId, body: { ...body, client } });
  }

  /** The open directory, opened on first use; undefined (and no file) while a policy turns it off. */
  private async directory(): Promise<Directory | undefined> {
    if (this.closed) return undefined;
    if (!this.options.policy().enabled) {
      this.open?.store.close();
      this.open = undefined;
      this.waiting.clear();
      deleteDirectoryFile(this.path);
      return undefined;
    }
    if (this.open !== undefined) return this.open.directory;
    this.keys ??= this.options.keys();
    const { keys, persistent } = await this.keys;
    // Another call may have opened it (or close() run) while the keys were read.
    const again = this.reopened();
    if (again !== undefined || this.isClosed()) return again;
    const store = new DirectoryStore(persistent ? this.path : ':memory:');
    this.open = { directory: new Directory(store, keys, this.options.now), store };
    return this.open.directory;
  }
}

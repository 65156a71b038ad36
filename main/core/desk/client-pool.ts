// One Card API client per profile, built on first use. A client is built from the profile (server, merchant,
// scheme) and its secrets, so every change to those goes through invalidate() and the next use builds it anew.
// The writes in delivery are the process's, not a client's: a client built anew still leaves them alone.
import { CardApiClient, type ClientTiming, type Connection } from '../card-api/client.ts';
import type { SecretSource } from '../card-api/signing.ts';
import type { Journal } from '../journal/index.ts';

export interface ClientPoolOptions extends ClientTiming {
  journal: Journal;
  /** Where a profile's requests go and what signs them (the embedded profile's sandbox is started first). */
  connect: (profileId: string) => Promise<{ connection: Connection; secrets: SecretSource }>;
  log?: { info(message: string): void } | undefined;
}

export class ClientPool {
  private readonly options: ClientPoolOptions;
  private readonly clients = new Map<string, Promise<CardApiClient>>();
  private readonly delivering = new Set<string>();

  constructor(options: ClientPoolOptions) {
    this.options = options;
  }

  /** The profile's client; one that could not be built is not kept. */
  get(profileId: string): Promise<CardApiClient> {
    const cached = this.clients.get(profileId);
    if (cached) return cached;
    const client = this.build(profileId);
    this.clients.set(profileId, client);
    client.catch(() => {
      if (this.clients.get(profileId) === client) this.clients.delete(profileId);
    });
    return client;
  }

  /** Forgets the profile's client: what it was built from has changed. */
  invalidate(profileId: string): void {
    this.clients.delete(profileId);
  }

  private async build(profileId: string): Promise<CardApiClient> {
    const { journal, connect, log, deadlineMs, pollCeilingMs, notReceivedGraceMs } = this.options;
    const { connection, secrets } = await connect(profileId);
    return new CardApiClient({
      connection,
      secrets,
      journal,
      deadlineMs,
      pollCeilingMs,
      notReceivedGraceMs,
      log,
      delivering: this.delivering,
    });
  }
}

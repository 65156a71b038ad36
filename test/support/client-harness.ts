// A real sandbox on 127.0.0.1:0 and real clients against it, with a journal in a throw-away folder.
import { CardApiClient, type ClientOptions } from '../../main/core/card-api/client.ts';
import type { Outcome } from '../../common/card-api/outcome.ts';
import type { Scheme } from '../../main/core/card-api/signing.ts';
import { Journal } from '../../main/core/journal/index.ts';
import { InMemorySecret } from '../../main/core/vault/in-memory-secret.ts';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../main/sandbox/index.ts';
import { tempDir } from './temp-dir.ts';

export const MERCHANT = { id: 4242, secret: 'test-secret-4242-Ω' };

export interface Harness {
  sandbox: RunningSandbox;
  journal: Journal;
  dataDir: string;
  client(options?: Partial<ClientOptions> & { scheme?: Scheme; secret?: string; merchantId?: number }): CardApiClient;
  close(): Promise<void>;
}

export async function startHarness(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ merchants: [MERCHANT], asyncMs: 20, ...options });
  const dataDir = tempDir();
  const journal = Journal.open(dataDir);
  return {
    sandbox,
    journal,
    dataDir,
    client: ({ scheme = 'sha256-body', secret = MERCHANT.secret, merchantId = MERCHANT.id, ...rest } = {}) =>
      new CardApiClient({
        connection: { baseUrl: sandbox.url, merchantId, scheme },
        secrets: new InMemorySecret(secret),
        journal,
        deadlineMs: 2_000,
        pollCeilingMs: 5_000,
        ...rest,
      }),
    close: async () => {
      journal.close();
      await sandbox.close();
    },
  };
}

/** The result of a done outcome, or a failure that shows what happened instead. */
export function doneResult(outcome: Outcome): Record<string, unknown> {
  if (outcome.kind !== 'done') throw new Error(`expected done, got ${JSON.stringify(outcome)}`);
  return outcome.result;
}

export function firstCardId(outcome: Outcome): string {
  const cards = doneResult(outcome).cards as { card_id: string }[] | undefined;
  const id = cards?.[0]?.card_id;
  if (id === undefined) throw new Error(`no card id in ${JSON.stringify(outcome)}`);
  return id;
}

export const walletClient = {
  product_id: 2000,
  client: { phone: 77011234567, type: 1, resident: 1, first_name: 'Aigerim', last_name: 'Nurlanova', country: 'KAZ' },
} as const;

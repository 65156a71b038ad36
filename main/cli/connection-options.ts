// The ad-hoc connection flags (--base-url --merchant --scheme --secret-stdin) shared by `call` and `journal`.
import { checkBaseUrl } from '../../common/card-api/base-url.ts';
import { CardApiClient, type Connection } from '../core/card-api/client.ts';
import { SCHEMES, type Scheme } from '../core/card-api/signing.ts';
import type { Journal } from '../core/journal/index.ts';
import { InMemorySecret } from '../core/vault/in-memory-secret.ts';
import { createLog } from '../core/log/logger.ts';
import { dirname } from 'node:path';
import { readSecretFromStdin } from './secret-input.ts';
import { positiveInt, requireOption, UsageError } from './usage.ts';

export const CONNECTION_OPTIONS = {
  'base-url': { type: 'string' },
  merchant: { type: 'string' },
  scheme: { type: 'string' },
  'secret-stdin': { type: 'boolean' },
  'timeout-ms': { type: 'string' },
  'wait-ms': { type: 'string' },
} as const;

export interface ConnectionValues {
  'base-url'?: string;
  merchant?: string;
  scheme?: string;
  'secret-stdin'?: boolean;
  'timeout-ms'?: string;
  'wait-ms'?: string;
}

/** Checks the flags without reading the secret, so usage errors come before any prompt. */
export function connectionFrom(values: ConnectionValues): Connection {
  const baseUrl = requireOption(values['base-url'], 'base-url');
  try {
    checkBaseUrl(baseUrl);
  } catch (error) {
    throw new UsageError(`--base-url: ${(error as Error).message}`);
  }
  const merchant = requireOption(values.merchant, 'merchant');
  const merchantId = Number(merchant);
  if (!Number.isSafeInteger(merchantId) || merchantId <= 0) {
    throw new UsageError(`--merchant must be the merchant's numeric Auth-Id, got ${JSON.stringify(merchant)}`);
  }
  const scheme = requireOption(values.scheme, 'scheme');
  if (!SCHEMES.includes(scheme as Scheme)) throw new UsageError(`--scheme must be one of ${SCHEMES.join(', ')}`);
  if (values['secret-stdin'] !== true)
    throw new UsageError('missing --secret-stdin (the secret is read from standard input only)');
  return { baseUrl, merchantId, scheme: scheme as Scheme };
}

/** --timeout-ms (one exchange) and --wait-ms (polling an accepted write), with their defaults. */
export function timingFrom(values: ConnectionValues): { deadlineMs: number; pollCeilingMs: number } {
  return {
    deadlineMs: positiveInt(values['timeout-ms'], 'timeout-ms', 15_000),
    pollCeilingMs: positiveInt(values['wait-ms'], 'wait-ms', 30_000),
  };
}

/** Reads the secret and builds a client; the caller disposes the secret when done. */
export async function clientFrom(
  connection: Connection,
  values: ConnectionValues,
  journal: Journal,
): Promise<{ client: CardApiClient; secret: InMemorySecret }> {
  const { deadlineMs, pollCeilingMs } = timingFrom(values);
  const secret = new InMemorySecret(await readSecretFromStdin());
  const log = createLog(dirname(journal.path));
  return {
    client: new CardApiClient({ connection, secrets: secret, journal, deadlineMs, pollCeilingMs, log }),
    secret,
  };
}

// `card-desk call <op id> --json '<body>' …`: one Card API operation, journaled like the app does it.
import { isOpId, operations, OP_IDS, type OpId } from '../../core/card-api/catalog/index.ts';
import type { CardApiClient, PreparedCall } from '../../core/card-api/client.ts';
import { reconcileJournal, sameConnection } from '../../core/journal/reconcile.ts';
import type { Outcome } from '../../core/card-api/outcome.ts';
import { ValidationError } from '../../core/card-api/validation.ts';
import { defaultDataDir } from '../../core/paths.ts';
import { Journal } from '../../core/journal/index.ts';
import { maskSecretData } from '../../core/card-api/secret-data.ts';
import { clientFrom, CONNECTION_OPTIONS, connectionFrom } from '../connection-options.ts';
import { EXIT, parseOptions, UsageError, writeJson } from '../usage.ts';

const EXIT_BY_OUTCOME: Record<Outcome['kind'], number> = {
  done: EXIT.done,
  failed: EXIT.businessError,
  pending: EXIT.notFinal,
  unknown: EXIT.notFinal,
  transport: EXIT.transport,
};

function parseBody(json: string | undefined): Record<string, unknown> {
  if (json === undefined) return {};
  let body: unknown;
  try {
    body = JSON.parse(json);
  } catch (error) {
    throw new UsageError(`--json is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new UsageError('--json must be a JSON object');
  return body as Record<string, unknown>;
}

export async function callCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { ...CONNECTION_OPTIONS, json: { type: 'string' }, 'data-dir': { type: 'string' }, reveal: { type: 'boolean' } },
    true,
  );
  const [opId, ...extra] = positionals;
  if (opId === undefined) throw new UsageError(`missing operation id; one of: ${OP_IDS.join(', ')}`);
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  if (!isOpId(opId)) throw new UsageError(`unknown operation ${JSON.stringify(opId)}; one of: ${OP_IDS.join(', ')}`);
  const body = parseBody(values.json);
  const connection = connectionFrom(values);
  const journal = Journal.open(values['data-dir'] ?? defaultDataDir());
  const { client, secret } = await clientFrom(connection, values, journal);
  try {
    // Validate before anything is sent or journaled.
    const prepared = prepareValidated(client, opId, body);
    await reconcileAtStart(journal, client);
    const outcome = prepared === undefined ? await client.read(opId, body) : await client.execute(prepared);
    writeJson(present(opId, outcome, values.reveal === true));
    return EXIT_BY_OUTCOME[outcome.kind];
  } finally {
    secret.dispose();
    journal.close();
  }
}

/** Validates the untrusted body against the catalog schema; a write comes back prepared, a read undefined. */
function prepareValidated(client: CardApiClient, opId: OpId, body: Record<string, unknown>): PreparedCall | undefined {
  try {
    const prepared = client.prepare(opId, body);
    return operations[opId].access === 'write' ? prepared : undefined;
  } catch (error) {
    if (error instanceof ValidationError) throw new UsageError(`invalid body for ${opId}: ${error.message}`);
    throw error;
  }
}

/** Settles this connection's open operations from earlier runs with one look each (SPEC §3, "at start"). */
async function reconcileAtStart(journal: Journal, client: CardApiClient): Promise<void> {
  const { baseUrl, merchantId } = client.connection;
  const report = await reconcileJournal(journal, (e) => (sameConnection(e, baseUrl, merchantId) ? client : undefined), {
    wait: false,
  });
  for (const { key, op, state } of report.settled) process.stderr.write(`earlier ${op} ${key}: ${state}\n`);
}

/** The printed result. Card secret data is masked unless --reveal was given (SPEC §8). */
function present(opId: OpId, outcome: Outcome, reveal: boolean): Record<string, unknown> {
  const { kind, key, ...rest } = outcome;
  const printed: Record<string, unknown> = { outcome: kind, request_id: key, ...rest };
  if (outcome.kind === 'done' && operations[opId].sensitive && !reveal) printed.result = maskSecretData(outcome.result);
  return printed;
}

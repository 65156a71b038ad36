// `card-desk call <op id> --json '<body>' …`: one Card API operation, journaled like the app does it.
import { isOpId, operations, OP_IDS, type OpId } from '../../core/card-api/catalog/index.ts';
import type { CardApiClient } from '../../core/card-api/client.ts';
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
    const outcome = await callValidated(client, opId, body);
    writeJson(present(opId, outcome, values.reveal === true));
    return EXIT_BY_OUTCOME[outcome.kind];
  } finally {
    secret.dispose();
    journal.close();
  }
}

async function callValidated(client: CardApiClient, opId: OpId, body: Record<string, unknown>): Promise<Outcome> {
  try {
    // The body is untrusted input: prepare() validates it against the catalog schema.
    if (operations[opId].access === 'read') return await client.read(opId, body);
    return await client.execute(client.prepare(opId, body));
  } catch (error) {
    if (error instanceof ValidationError) throw new UsageError(`invalid body for ${opId}: ${error.message}`);
    throw error;
  }
}

/** The printed result. Card secret data is masked unless --reveal was given (SPEC §8). */
function present(opId: OpId, outcome: Outcome, reveal: boolean): Record<string, unknown> {
  const { kind, key, ...rest } = outcome;
  const printed: Record<string, unknown> = { outcome: kind, request_id: key, ...rest };
  if (outcome.kind === 'done' && operations[opId].sensitive && !reveal) printed.result = maskSecretData(outcome.result);
  return printed;
}

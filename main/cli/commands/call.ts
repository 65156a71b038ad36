// `card-desk call <op id> --json '<body>' (--profile <id> | <connection flags>)`: one Card API operation,
// journaled like the app does it.
import { isOpId, operations, OP_IDS, type OpId } from '../../../common/card-api/catalog/index.ts';
import type { CardApiClient } from '../../core/card-api/client.ts';
import { prepareCall, type PreparedCall } from '../../core/card-api/prepare.ts';
import type { Outcome } from '../../../common/card-api/outcome.ts';
import { maskSecretData } from '../../core/card-api/secret-data.ts';
import { ValidationError } from '../../../common/card-api/validation.ts';
import { Journal } from '../../core/journal/index.ts';
import { reconcileJournal, sameConnection, type ReconcileReport } from '../../core/journal/reconcile.ts';
import { defaultDataDir } from '../../core/paths.ts';
import { clientFrom, CONNECTION_OPTIONS, connectionFrom, timingFrom } from '../connection-options.ts';
import { withDesk } from '../desk-context.ts';
import { cliChainKey } from '../chain-key.ts';
import { importOldJournal } from '../journal-import.ts';
import { EXIT, parseOptions, UsageError, writeJson } from '../usage.ts';

const EXIT_BY_OUTCOME: Record<Outcome['kind'], number> = {
  done: EXIT.done,
  failed: EXIT.businessError,
  pending: EXIT.notFinal,
  unknown: EXIT.notFinal,
  transport: EXIT.transport,
};

const AD_HOC_FLAGS = ['base-url', 'merchant', 'scheme', 'secret-stdin'] as const;

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

/** Validates the untrusted body against the catalog schema before anything is sent or journaled. */
function prepareValidated(opId: OpId, body: Record<string, unknown>): PreparedCall {
  try {
    return prepareCall(opId, body);
  } catch (error) {
    if (error instanceof ValidationError) throw new UsageError(`invalid body for ${opId}: ${error.message}`);
    throw error;
  }
}

export async function callCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    {
      ...CONNECTION_OPTIONS,
      json: { type: 'string' },
      'data-dir': { type: 'string' },
      reveal: { type: 'boolean' },
      profile: { type: 'string' },
    },
    true,
  );
  const [opId, ...extra] = positionals;
  if (opId === undefined) throw new UsageError(`missing operation id; one of: ${OP_IDS.join(', ')}`);
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  if (!isOpId(opId)) throw new UsageError(`unknown operation ${JSON.stringify(opId)}; one of: ${OP_IDS.join(', ')}`);
  const body = parseBody(values.json);
  const prepared = prepareValidated(opId, body);
  const run = async (client: CardApiClient, settleEarlier: () => Promise<ReconcileReport>): Promise<number> => {
    for (const { key, op, state } of (await settleEarlier()).settled)
      process.stderr.write(`earlier ${op} ${key}: ${state}\n`);
    const outcome =
      operations[opId].access === 'write' ? await client.execute(prepared) : await client.read(opId, body);
    writeJson(present(opId, outcome, values.reveal === true));
    return EXIT_BY_OUTCOME[outcome.kind];
  };

  const profileId = values.profile;
  if (profileId !== undefined) {
    const mixed = AD_HOC_FLAGS.find((flag) => values[flag] !== undefined);
    if (mixed !== undefined) throw new UsageError(`--profile cannot be combined with --${mixed}`);
    return withDesk(
      values['data-dir'],
      async (desk) => {
        desk.assertAllowed(profileId, opId);
        const client = await desk.client(profileId);
        return run(client, () => desk.reconcile(profileId, { wait: false }));
      },
      timingFrom(values),
    );
  }

  const connection = connectionFrom(values);
  const dataDir = values['data-dir'] ?? defaultDataDir();
  await importOldJournal(dataDir);
  const journal = Journal.open(dataDir, { chainKey: await cliChainKey(dataDir) });
  const { client, secret } = await clientFrom(connection, values, journal);
  try {
    // Open operations of this server and merchant from earlier runs get one look each (docs/card-api.md, safe retry, "at start").
    return await run(client, () =>
      reconcileJournal(
        journal,
        (e) => (sameConnection(e, connection.baseUrl, connection.merchantId) ? client : undefined),
        { wait: false },
      ),
    );
  } finally {
    secret.dispose();
    journal.close();
  }
}

/** The printed result. Card secret data is masked unless --reveal was given (docs/card-api.md, sensitive data). */
function present(opId: OpId, outcome: Outcome, reveal: boolean): Record<string, unknown> {
  const { kind, key, ...rest } = outcome;
  const printed: Record<string, unknown> = { outcome: kind, request_id: key, ...rest };
  if (outcome.kind === 'done' && operations[opId].sensitive && !reveal) printed.result = maskSecretData(outcome.result);
  return printed;
}

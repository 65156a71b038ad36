// `card-desk journal list|reconcile`: the operation journal from the command line.
import { defaultDataDir } from '../../core/paths.ts';
import { Journal, OPEN_STATES } from '../../core/journal/index.ts';
import { reconcileJournal, sameConnection, type ReconcileReport } from '../../core/journal/reconcile.ts';
import { withDesk } from '../desk-context.ts';
import { cliChainKey } from '../chain-key.ts';
import { importOldJournal } from '../journal-import.ts';
import { archive, line, print, search } from './journal-archive.ts';
import { clientFrom, CONNECTION_OPTIONS, connectionFrom } from '../connection-options.ts';
import { EXIT, parseOptions, UsageError, writeJson } from '../usage.ts';

export async function journalCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'list') return list(rest);
  if (action === 'reconcile') return reconcile(rest);
  if (action === 'archive') return archive(rest);
  if (action === 'search') return search(rest);
  throw new UsageError(
    `journal: expected "list", "search", "archive" or "reconcile", got ${JSON.stringify(action ?? '')}`,
  );
}

async function list(args: string[]): Promise<number> {
  const { values } = parseOptions(args, {
    'data-dir': { type: 'string' },
    open: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  await importOldJournal(dataDir);
  const journal = Journal.open(dataDir, { chainKey: await cliChainKey(dataDir) });
  try {
    // Newest first, streamed: a journal may hold millions of operations.
    const entries = journal.iterate(values.open === true ? { states: OPEN_STATES } : {});
    if (values.json === true) {
      process.stdout.write('{"entries":[');
      await print(entries, (e, i) => `${i === 0 ? '' : ','}\n${JSON.stringify(e)}`);
      process.stdout.write('\n]}\n');
    } else {
      process.stdout.write(`${String(await print(entries, line))} operation(s)\n`);
    }
    return EXIT.done;
  } finally {
    journal.close();
  }
}

async function reconcile(args: string[]): Promise<number> {
  const { values } = parseOptions(args, {
    ...CONNECTION_OPTIONS,
    'data-dir': { type: 'string' },
    profile: { type: 'string' },
  });
  const finish = (report: ReconcileReport): number => {
    writeJson(report);
    return report.stillOpen.length > 0 ? EXIT.notFinal : EXIT.done;
  };
  if (values.profile !== undefined) {
    const profileId = values.profile;
    return withDesk(values['data-dir'], async (desk) => finish(await desk.reconcile(profileId)));
  }
  const connection = connectionFrom(values);
  const dataDir = values['data-dir'] ?? defaultDataDir();
  await importOldJournal(dataDir);
  const journal = Journal.open(dataDir, { chainKey: await cliChainKey(dataDir) });
  const { client, secret } = await clientFrom(connection, values, journal);
  try {
    const report = await reconcileJournal(journal, (entry) =>
      sameConnection(entry, connection.baseUrl, connection.merchantId) ? client : undefined,
    );
    return finish(report);
  } finally {
    secret.dispose();
    journal.close();
  }
}

// `card-desk audit verify [--data-dir <dir>]` (docs/architecture.md, "The audit chain"): checks the keyed hash
// chain over the journal and the audit trail. Exit 0: whole (says how many records); 1: broken, naming the first
// record that is not; 6: the chain is sealed with the keychain's key and the keychain could not give it now, or
// some links were sealed without it because it could not give it then (named as runs of links, not verified).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { verifyNow, type ChainCheck } from '../../core/journal/chain-verify.ts';
import { Journal, JOURNAL_FILE } from '../../core/journal/index.ts';
import { defaultDataDir } from '../../core/paths.ts';
import { cliChainKey } from '../chain-key.ts';
import { importOldJournal } from '../journal-import.ts';
import { EXIT, parseOptions, UsageError, writeJson } from '../usage.ts';

export async function auditVerifyCommand(args: string[]): Promise<number> {
  const { values } = parseOptions(args, { 'data-dir': { type: 'string' }, json: { type: 'boolean' } });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  if (!existsSync(join(dataDir, JOURNAL_FILE))) throw new UsageError(`${dataDir} holds no journal`);
  await importOldJournal(dataDir);
  const key = await cliChainKey(dataDir, false);
  Journal.open(dataDir, key === undefined ? {} : { chainKey: key }).close(); // an older journal's schema brought up to date
  const check = verifyFile(dataDir, key);
  if (values.json === true) writeJson(check);
  else process.stdout.write(`${describe(check, key !== undefined)}\n`);
  if (check.state === 'whole') return EXIT.done;
  return check.state === 'broken' ? EXIT.businessError : EXIT.keychain;
}

/** Read-only, in one read transaction: a consistent picture while the app goes on writing. */
function verifyFile(dataDir: string, key: Buffer | undefined): ChainCheck {
  const db = new DatabaseSync(join(dataDir, JOURNAL_FILE), { readOnly: true, timeout: 10_000 });
  try {
    db.exec('BEGIN');
    return verifyNow(db, key, dataDir);
  } finally {
    if (db.isTransaction) db.exec('COMMIT');
    db.close();
  }
}

function describe(check: ChainCheck, keyed: boolean): string {
  if (check.state === 'whole') {
    const whole = `the chain is whole: ${String(check.records)} record(s)`;
    // Never keyed (no keychain): a plain hash chain shows damage and careless edits, not a forger.
    return keyed ? whole : `${whole}, sealed without a keychain key: it cannot show links remade by a forger`;
  }
  if (check.state === 'unverifiable') return `cannot verify: ${check.why}`;
  if (check.state === 'unkeyed') {
    const runs = check.runs.map((r) => (r.from === r.to ? String(r.from) : `${String(r.from)}-${String(r.to)}`));
    return (
      `nothing changed that the chain shows, but links ${runs.join(', ')} of ${String(check.records)} record(s) ` +
      'were sealed while the keychain could not give the chain key: their records are not verified'
    );
  }
  const { table, seq, key } = check.record;
  if (table === 'archive') return `the chain is broken at the archive file ${key} (link ${String(seq)}): ${check.why}`;
  return `the chain is broken at ${table} ${String(seq)} ${key}: ${check.why}`;
}

// A second process writing a keyed journal while a test writes from its own: `chain-writer.ts <data dir>
// <prefix> <count> <key hex>` records and settles <count> operations with audits between, then prints "ok".
import { Journal } from '../../main/core/journal/index.ts';
import { intent } from './journal-records.ts';

const [dataDir = '', prefix = 'w', count = '0', keyHex = ''] = process.argv.slice(2);
const journal = Journal.open(dataDir, { groupCommit: true, chainKey: Buffer.from(keyHex, 'hex') });
for (let i = 0; i < Number(count); i++) {
  const key = `${prefix}-${String(i)}`;
  journal.recordIntent(intent(key, Date.now()));
  await journal.durableNow();
  journal.recordOutcome({ key, at: Date.now(), state: 'done', result: {} });
  if (i % 5 === 0) journal.recordAudit({ key: `${key}-audit`, at: Date.now(), action: 'test.write', details: {} });
}
await journal.durableNow();
journal.close();
process.stdout.write('ok\n');

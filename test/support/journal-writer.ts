// A second process writing to a data folder's journal while a test writes from its own (the CLI beside the app):
// `journal-writer.ts <data dir> <prefix> <count>` records and settles <count> operations, then prints "ok".
import { Journal } from '../../main/core/journal/index.ts';
import { intent } from './journal-records.ts';

const [dataDir = '', prefix = 'w', count = '0'] = process.argv.slice(2);
const journal = Journal.open(dataDir, { groupCommit: true });
for (let i = 0; i < Number(count); i++) {
  const key = `${prefix}-${String(i)}`;
  journal.recordIntent(intent(key, Date.now()));
  await journal.durableNow();
  journal.recordOutcome({ key, at: Date.now(), state: 'done', result: {} });
  if (i % 10 === 0) journal.recordAudit({ key: `${key}-audit`, at: Date.now(), action: 'test.write', details: {} });
}
await journal.durableNow();
journal.close();
process.stdout.write('ok\n');

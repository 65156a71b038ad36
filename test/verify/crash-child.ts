// The crash loop's worker: a desk with an in-memory vault (secret from the environment) and one
// profile at the loop's bank. Modes:
//   ops <data> <url> <merchant> <first serial>  single operations forever: client.create, card.issue, card.activate
//   bulk <data> <url> <merchant> <csv|job id>    issue a bulk job from a file, or resume one
//   reconcile <data> <url> <merchant>            settle every open journal entry (the app does this at start)
//   migrate <data>                               import the data folder's journal.jsonl (the app does this at start)
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { bulkServiceFor } from '../../main/core/bulk/index.ts';
import { Desk } from '../../main/core/desk.ts';
import { MemoryVault } from '../../main/core/vault/index.ts';
import { importJsonlJournal } from '../../main/core/journal/index.ts';

const [mode, dataDir = '', baseUrl = '', merchant = '', arg = ''] = process.argv.slice(2);
if (mode === 'migrate') {
  process.stdout.write(`${JSON.stringify(await importJsonlJournal(dataDir))}\n`);
  process.exit(0);
}
const desk = Desk.open({
  dataDir,
  vault: new MemoryVault(),
  startEmbedded: () => Promise.reject(new Error('no embedded sandbox in the crash loop')),
  deadlineMs: 1_000,
  notReceivedGraceMs: 1_000,
});
desk.saveProfile({
  id: 'crash',
  name: 'Crash loop',
  region: 'KZ',
  environment: 'test',
  baseUrl,
  merchantId: Number(merchant),
  scheme: 'sha256-body',
  allowedOperations: ['clients', 'cards', 'bulk'],
});
desk.switchProfile('crash');
await desk.setSecret('crash', Buffer.from(process.env.CRASH_SECRET ?? '', 'utf8'));

if (mode === 'ops') {
  // Eight chains at once, so that kills land while several commits share one sync (a busy group commit).
  const chain = async (first: number) => {
    for (let serial = first; ; serial++) {
      const created = await desk.call('crash', 'client.create', {
        product_id: 2000,
        client: { phone: 77005000000 + serial, type: 1, resident: 1, first_name: 'Crash', last_name: 'Loop' },
      });
      if (created.kind !== 'done') continue;
      const issued = await desk.call('crash', 'card.issue', { client_id: String(created.result.client_id) });
      const cardId =
        issued.kind === 'done' ? (issued.result.cards as { card_id: string }[] | undefined)?.[0]?.card_id : undefined;
      if (cardId !== undefined) await desk.call('crash', 'card.activate', { card_id: cardId });
      process.stdout.write('.');
    }
  };
  await Promise.all(Array.from({ length: 8 }, (_, w) => chain(Number(arg) + w * 100)));
} else if (mode === 'bulk') {
  const bulk = bulkServiceFor(desk, { settleTimeoutMs: 30_000 });
  let jobId = arg;
  if (arg.endsWith('.csv')) {
    const report = bulk.validate(basename(arg), readFileSync(arg));
    if (report.draftId === undefined) throw new Error('invalid bulk file');
    jobId = bulk.create(report.draftId, 'crash', 4).id;
  }
  const meta = await bulk.runner.run(jobId);
  process.stdout.write(`${JSON.stringify({ jobId, state: meta.state })}\n`);
} else if (mode === 'reconcile') {
  // A write the killed process journaled but maybe never sent settles once its "not received" grace has passed.
  let stillOpen = 0;
  for (let pass = 0; pass < 40; pass++) {
    stillOpen = (await desk.reconcile('crash')).stillOpen.length;
    if (stillOpen === 0) break;
    await delay(250);
  }
  process.stdout.write(`${JSON.stringify({ stillOpen })}\n`);
} else {
  process.stderr.write(`unknown mode ${String(mode)}\n`);
  process.exitCode = 2;
}
await desk.close();

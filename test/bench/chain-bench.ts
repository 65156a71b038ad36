// What the keyed hash chain costs a journal write (docs/architecture.md, "The audit chain"): CPU time per
// record with group commit as bulk jobs write (16 records a turn, no sync), with the chain and with its link
// step stubbed out, and their ratio. `npx node test/bench/chain-bench.ts`
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainWriter } from '../../main/core/journal/chain.ts';
import { Journal } from '../../main/core/journal/index.ts';
import { intent } from '../support/journal-records.ts';

const N = 20_000;
const TURN = 16;

async function cpuPerRecord(): Promise<number> {
  const journal = Journal.open(mkdtempSync(join(tmpdir(), 'chain-bench-')), {
    durable: false,
    groupCommit: true,
    chainKey: randomBytes(32),
  });
  const start = process.cpuUsage();
  for (let i = 0; i < N; i += TURN) {
    for (let k = i; k < i + TURN; k++) journal.recordIntent(intent(`k${String(k)}`, k));
    await journal.committed();
    for (let k = i; k < i + TURN; k++)
      journal.recordOutcome({ key: `k${String(k)}`, at: k + 1, state: 'done', result: {} });
    await journal.committed();
  }
  const used = process.cpuUsage(start);
  journal.close();
  return (used.user + used.system) / (2 * N);
}

async function median(): Promise<number> {
  const runs = [await cpuPerRecord(), await cpuPerRecord(), await cpuPerRecord()].sort((a, b) => a - b);
  return runs[1] ?? 0;
}

const chained = await median();
const link = Object.getOwnPropertyDescriptor(ChainWriter.prototype, 'operation');
ChainWriter.prototype.operation = () => undefined; // the record without its link
const bare = await median();
if (link !== undefined) Object.defineProperty(ChainWriter.prototype, 'operation', link);
process.stdout.write(
  `CPU µs per record: ${chained.toFixed(1)} chained, ${bare.toFixed(1)} without links; ratio ${(chained / bare).toFixed(2)}\n`,
);

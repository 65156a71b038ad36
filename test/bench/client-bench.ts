// bench:client — the full client path against a raw undici.request of the same bytes, same local sandbox,
// 20 ms injected latency, measured interleaved in one run. The journal's fsync is measured separately.
// Targets: p50 ratio (client without fsync / raw) ≤ 1.05 and added local cost ≤ 1 ms p50.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { fullPath } from '../../common/card-api/catalog/index.ts';
import { CardApiClient } from '../../main/core/card-api/client.ts';
import { signatureHeaders } from '../../main/core/card-api/signing.ts';
import { dispatcherFor } from '../../main/core/card-api/transport.ts';
import { Journal } from '../../main/core/journal/index.ts';
import { InMemorySecret } from '../../main/core/vault/in-memory-secret.ts';
import { startSandbox } from '../../main/sandbox/index.ts';
import { ms, percentile } from './stats.ts';

const LATENCY_MS = 20;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const WARMUP = 20;
const merchant = { id: 5, secret: 'bench-secret' };

const sandbox = await startSandbox({ merchants: [merchant], asyncMs: 0 });
const dirs = [mkdtempSync(join(tmpdir(), 'bench-fast-')), mkdtempSync(join(tmpdir(), 'bench-durable-'))];
const [fastDir = '', durableDir = ''] = dirs;
const connection = { baseUrl: sandbox.url, merchantId: merchant.id, scheme: 'sha256-body' as const };
const makeClient = (journal: Journal) =>
  new CardApiClient({ connection, secrets: new InMemorySecret(merchant.secret), journal, deadlineMs: 5_000 });
const fastJournal = Journal.open(fastDir, { durable: false });
const durableJournal = Journal.open(durableDir);
const fast = makeClient(fastJournal);
const durable = makeClient(durableJournal);

// A synchronous write (journaled, one exchange): re-send the gift card's data to its holder.
const product = await fast.call('gift.products', {});
if (product.kind !== 'done') throw new Error('sandbox has no gift products');
const code = (product.result as { product_list: { code: number }[] }).product_list[0]?.code ?? 1;
const issued = await fast.call('gift.issue', { cardholder_name: 'BENCH', phone: 77000000000, product_code: code });
if (issued.kind !== 'done') throw new Error(`gift.issue failed: ${JSON.stringify(issued)}`);
const body = { card_id: (issued.result as { card_id: number }).card_id };

const url = new URL(fullPath('gift.resend'), sandbox.url);
const bytes = Buffer.from(JSON.stringify(body));
const sign = signatureHeaders(
  { scheme: 'sha256-body', path: url.pathname, merchantId: merchant.id, body: bytes },
  Buffer.from(merchant.secret),
);

async function raw(): Promise<void> {
  const response = await request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Request-Id': randomUUID(), ...sign },
    body: bytes,
    dispatcher: dispatcherFor(url),
  });
  const answer = JSON.parse(await response.body.text()) as { status: number };
  if (answer.status !== 0) throw new Error('raw request failed');
}

async function viaClient(client: CardApiClient): Promise<void> {
  const outcome = await client.call('gift.resend', body);
  if (outcome.kind !== 'done') throw new Error(`client call failed: ${JSON.stringify(outcome)}`);
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

sandbox.setFaults({ latency_ms: LATENCY_MS, next: [] });
const samples = { raw: [] as number[], client: [] as number[], durable: [] as number[] };
for (let i = 0; i < WARMUP + ITERATIONS; i++) {
  // Interleaved so that drift in the machine's load hits all three alike.
  const r = await timed(raw);
  const c = await timed(() => viaClient(fast));
  const d = await timed(() => viaClient(durable));
  if (i >= WARMUP) {
    samples.raw.push(r);
    samples.client.push(c);
    samples.durable.push(d);
  }
}
sandbox.clearFaults();

// The fsync cost on its own: the two durable journal writes of one operation.
const fsyncSamples: number[] = [];
const probe = Journal.open(join(durableDir, 'probe'));
for (let i = 0; i < 100; i++) {
  const key = randomUUID();
  fsyncSamples.push(
    await timed(() => {
      probe.recordIntent({
        key,
        op: 'gift.resend',
        at: Date.now(),
        connection,
        bodySha256: '0',
        params: {},
        deadlineMs: 1,
      });
      probe.recordOutcome({ key, at: Date.now(), state: 'done' });
      return Promise.resolve();
    }),
  );
}

probe.close();
fastJournal.close();
durableJournal.close();
await sandbox.close();
for (const dir of dirs) rmSync(dir, { recursive: true, force: true });

const p50 = {
  raw: percentile(samples.raw, 50),
  client: percentile(samples.client, 50),
  durable: percentile(samples.durable, 50),
};
const p95 = {
  raw: percentile(samples.raw, 95),
  client: percentile(samples.client, 95),
  durable: percentile(samples.durable, 95),
};
const ratio = p50.client / p50.raw;
const added = p50.client - p50.raw;
const fsyncP50 = percentile(fsyncSamples, 50);
const pass = ratio <= 1.05 && added <= 1;

console.log(
  `operation gift.resend (sync write, journaled), ${String(ITERATIONS)} iterations each, ${String(LATENCY_MS)} ms injected latency`,
);
console.log(`raw undici.request      p50 ${ms(p50.raw)}  p95 ${ms(p95.raw)}`);
console.log(`client (journal, no fsync) p50 ${ms(p50.client)}  p95 ${ms(p95.client)}`);
console.log(`client (durable journal)   p50 ${ms(p50.durable)}  p95 ${ms(p95.durable)}`);
console.log(`journal fsync (intent + outcome) p50 ${ms(fsyncP50)}  p95 ${ms(percentile(fsyncSamples, 95))}`);
console.log(
  `bench:client ratio ${ratio.toFixed(3)} (target ≤ 1.05), added ${ms(added)} p50 (target ≤ 1 ms), ` +
    `durable ratio ${(p50.durable / p50.raw).toFixed(3)}, fsync ${ms(fsyncP50)} p50 — ${pass ? 'PASS' : 'FAIL'}`,
);
process.exitCode = pass ? 0 : 1;

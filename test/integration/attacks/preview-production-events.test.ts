// Attacks through the browser preview on what a production profile left in the same data folder: a bulk job
// a crash interrupted, and operations of the journal. The preview must not resume such a job, and no event
// about it, or about a production operation, may reach the preview's page (main/preview/sandbox-only.ts).
import { writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobStore, type JobMeta } from '../../../main/core/bulk/job-store.ts';
import type { Desk } from '../../../main/core/desk.ts';
import { startPreview, type Preview } from '../../../main/preview/index.ts';
import { TOKEN_HEADER } from '../../../main/preview/server.ts';
import { attack } from '../../support/attack.ts';
import { openTestDesk } from '../../support/test-desk.ts';
import { tempDir } from '../../support/temp-dir.ts';

const PROD = 'kz-prod';
const CONNECTION = { baseUrl: 'https://api.freedompay.kz', merchantId: 7, scheme: 'sha256-body' } as const;

let desk: Desk;
let preview: Preview;
let prodJob: JobMeta;
let sandboxJob: JobMeta;
const frames: { event: string; payload: Record<string, unknown> }[] = [];
let stream: IncomingMessage;

/** An interrupted job (left `running`, no live runner) whose one row is finished: resuming it completes it. */
function interruptedJob(store: JobStore, profileId: string): JobMeta {
  const meta = store.create(
    { profileId, format: 'cards', fileName: 'cards.csv', header: ['product_id', 'quantity'], total: 1, concurrency: 1 },
    [
      {
        row: 2,
        values: { product_id: '2000', quantity: '1' },
        input: { format: 'cards', productId: 2000, quantity: 1 },
      },
    ],
    Date.now() - 60_000,
  );
  store.appendResult(meta.id, { row: 2, status: 'done', cards: [{ cardId: '900' }] });
  return meta;
}

function recordIntent(key: string, profileId: string): void {
  desk.journal.recordIntent({
    key,
    op: 'card.issueBulk',
    at: Date.now(),
    connection: { ...CONNECTION, profileId },
    bodySha256: '0'.repeat(64),
    params: {},
    deadlineMs: 1_000,
  });
}

async function tokenOf(link: string): Promise<string> {
  const code = new URLSearchParams(new URL(link).hash.slice(1)).get('code') ?? '';
  const answer = await fetch(`${preview.origin}/auth/exchange`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  return ((await answer.json()) as { value: { token: string } }).value.token;
}

/** Resolves once a frame matching `match` has arrived on the stream. */
function arrival(match: (frame: (typeof frames)[number]) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (frames.some(match)) {
        stream.off('data', check);
        resolve();
      }
    };
    stream.on('data', check);
    check();
  });
}

beforeAll(async () => {
  desk = openTestDesk();
  desk.saveProfile({
    id: PROD,
    name: 'Almaty production',
    region: 'KZ',
    environment: 'production',
    baseUrl: CONNECTION.baseUrl,
    merchantId: CONNECTION.merchantId,
    scheme: CONNECTION.scheme,
    allowedOperations: ['cards', 'bulk'],
  });
  await desk.setSecret(PROD, Buffer.from('production-secret'));
  const store = new JobStore(desk.dataDir);
  prodJob = interruptedJob(store, PROD);
  sandboxJob = interruptedJob(store, 'sandbox');
  const rendererDir = tempDir('card-desk-attack-renderer-');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Card Desk</title>');
  preview = await startPreview({ port: 0, rendererDir, desk });
  const token = await tokenOf(preview.newLink());
  stream = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port: preview.port,
      path: '/api/events',
      headers: { [TOKEN_HEADER]: token },
    });
    req.on('response', resolve);
    req.on('error', reject);
    req.end();
  });
  let buffer = '';
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      for (const line of buffer.slice(0, end).split('\n'))
        if (line.startsWith('data: ')) frames.push(JSON.parse(line.slice(6)) as (typeof frames)[number]);
      buffer = buffer.slice(end + 2);
    }
  });
}, 30_000);

afterAll(async () => {
  stream.destroy();
  await preview.close();
});

describe('the preview and a production profile’s leftovers in its data folder', () => {
  it('does not resume a production profile’s interrupted bulk job, and streams none of its progress', async () => {
    await attack('preview resumes and streams a production bulk job', async () => {
      // The sandbox job is resumed (the preview's own business) and completes: the run has had its time.
      await expect.poll(() => new JobStore(desk.dataDir).meta(sandboxJob.id).state).toBe('completed');
      expect(new JobStore(desk.dataDir).meta(prodJob.id)).toEqual(prodJob);
      expect(preview.services.bulk.runner.isRunning(prodJob.id)).toBe(false);
      // Progress of the production job, however it comes about, stays out of the stream; the sandbox job's
      // progress, sent after it, arrives (events keep their order), so the stream was listening.
      const progress = preview.services.bulk.get(prodJob.id);
      preview.services.events.emit('bulk.progress', { ...progress, jobId: prodJob.id });
      preview.services.events.emit('bulk.progress', { ...progress, jobId: sandboxJob.id });
      await arrival((f) => f.event === 'bulk.progress' && f.payload.jobId === sandboxJob.id);
      expect(frames.filter((f) => JSON.stringify(f).includes(prodJob.id))).toEqual([]);
    });
  });

  it('does not stream requests.changed of a production profile’s operation', async () => {
    await attack('preview streams a production operation’s requests.changed', async () => {
      recordIntent('attack-prod-op', PROD);
      recordIntent('attack-sandbox-op', 'sandbox');
      await arrival((f) => f.event === 'requests.changed' && f.payload.requestId === 'attack-sandbox-op');
      expect(frames.filter((f) => f.payload.requestId === 'attack-prod-op')).toEqual([]);
    });
  });
});

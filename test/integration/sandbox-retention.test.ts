// The retention window over HTTP (docs/card-api.md, sandbox, retention): Request status of an aged-out id,
// the window across restarts and state-file versions, and the client's exactly-once within a short window.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpId } from '../../common/card-api/catalog/index.ts';
import { FAULT_KINDS, startSandbox } from '../../main/sandbox/index.ts';
import { doneResult, startHarness } from '../support/client-harness.ts';
import { tempDir } from '../support/temp-dir.ts';
import { startFixture, T0 } from './sandbox-helpers.ts';

const dir = tempDir('card-desk-sandbox-retention-');
const HOUR = 60 * 60 * 1000;
const BULK = { product_id: 2000, quantity: 1 };

describe('Request status and Request-Ids over HTTP', () => {
  it('answers an aged-out id as an unknown request, and takes the id again', async () => {
    const f = await startFixture({ retentionMs: HOUR });
    try {
      const write = await f.api.call('card.issueBulk', BULK);
      f.clock.advance(HOUR - 1);
      expect((await f.api.status(write.requestId)).body).toMatchObject({ request_status: 'success' });
      f.clock.advance(1);
      const status = await f.api.status(write.requestId);
      expect(status.status).toBe(200);
      expect(status.body).toMatchObject({ status: 'error', error_code: 'request_not_found' });
      expect((await f.api.call('card.issueBulk', BULK, { requestId: write.requestId })).body).toMatchObject({
        status: 'ok',
      });
    } finally {
      await f.sandbox.close();
    }
  });

  it('refuses a window no longer than the async delay', async () => {
    await expect(startSandbox({ asyncMs: 1000, retentionMs: 1000 })).rejects.toThrow(/retentionMs/);
    await expect(startSandbox({ retentionMs: 0 })).rejects.toThrow(/retentionMs/);
  });
});

describe('across restarts', () => {
  it('keeps ids for the window across a restart and forgets them at the next start after it', async () => {
    const stateFile = join(dir, 'window.json');
    let now = T0;
    const start = () => startFixture({ stateFile, retentionMs: HOUR, now: () => now });

    const first = await start();
    const write = await first.api.call('card.issueBulk', BULK);
    await first.sandbox.close();
    expect(readFileSync(stateFile, 'utf8')).toContain(write.requestId);

    now += HOUR - 1;
    const second = await start();
    expect((await second.api.status(write.requestId)).body).toMatchObject({ request_status: 'success' });
    expect((await second.api.call('card.issueBulk', BULK, { requestId: write.requestId })).body).toMatchObject({
      error_code: 'duplicate_request_id',
    });
    await second.sandbox.close();

    now += 1;
    const third = await start();
    try {
      // Dropped at start, and the file saved without them, before any call.
      expect(readFileSync(stateFile, 'utf8')).not.toContain(write.requestId);
      expect((await third.api.status(write.requestId)).body).toMatchObject({ error_code: 'request_not_found' });
    } finally {
      await third.sandbox.close();
    }
  });

  it('upgrades a version 1 file: its ids get one window from the upgrade, its world stays', async () => {
    const stateFile = join(dir, 'v1.json');
    let now = T0;
    const start = () => startFixture({ stateFile, retentionMs: HOUR, now: () => now });
    const first = await start();
    const write = await first.api.call('card.issueBulk', BULK);
    await first.sandbox.close();
    const v2 = JSON.parse(readFileSync(stateFile, 'utf8')) as {
      version: number;
      merchants: { request_ids?: [string, number][]; seen_request_ids?: string[] }[];
    };
    const v1 = {
      ...v2,
      version: 1,
      merchants: v2.merchants.map(({ request_ids, ...m }) => ({
        ...m,
        seen_request_ids: (request_ids ?? []).map(([id]) => id),
      })),
    };
    writeFileSync(stateFile, JSON.stringify(v1));

    now += 10 * HOUR; // older than the window, but a version 1 file has no times
    const second = await start();
    expect((await second.api.call('card.issueBulk', BULK, { requestId: write.requestId })).body).toMatchObject({
      error_code: 'duplicate_request_id',
    });
    expect((await second.api.call('card.info', { card_id: 'card_1' })).body).toMatchObject({ status: 'ok' });
    await second.sandbox.close();
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toMatchObject({ version: 2 });

    now += HOUR;
    const third = await start();
    try {
      expect((await third.api.status(write.requestId)).body).toMatchObject({ error_code: 'request_not_found' });
    } finally {
      await third.sandbox.close();
    }
  });
});

describe('exactly once within a short window', () => {
  // The client's whole protocol (deadline 400 ms, polls up to 5 s) fits well inside 20 s of real time.
  const writes: [OpId, Record<string, unknown>][] = [
    ['card.issueBulk', BULK],
    ['gift.issue', { cardholder_name: 'A B', phone: 77001112233, product_code: 1 }],
  ];

  it.each(FAULT_KINDS)('%s: each write ends done, executed once', async (kind) => {
    const h = await startHarness({ retentionMs: 20_000 });
    try {
      const client = h.client({ deadlineMs: 400 });
      for (const [op, body] of writes) {
        h.sandbox.setFaults({ next: [{ op, kind, count: 1 }] });
        doneResult(await client.call(op, body));
        h.sandbox.clearFaults();
        expect(h.sandbox.stats().committed[op]).toBe(1);
      }
    } finally {
      await h.close();
    }
  });
});

// `requests.changed` comes from the journal alone: every change of an operation's state that is recorded (its
// intent, each outcome record), whoever records it, is announced once. Against real sandboxes, through the
// services as the app and the preview compose them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventPayloads } from '../../common/contract/index.ts';
import type { Desk, DeskOptions } from '../../main/core/desk.ts';
import { JOURNAL_FILE } from '../../main/core/journal/index.ts';
import { createServices, type Services } from '../../main/core/services/index.ts';
import { MemoryVault } from '../../main/core/vault/index.ts';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/index.ts';
import { clientsCsv } from '../support/bulk-csv.ts';
import { openTestDesk, TEST_APP_INFO } from '../support/test-desk.ts';
import { tempDir } from '../support/temp-dir.ts';
import { approval, signInAdmin } from '../support/sign-in.ts';

type Change = EventPayloads['requests.changed'];

/** A bank whose async requests stay `process` long enough to be seen open (pending) and settled later. */
const BRANCH = { id: 5150, secret: 'feed-branch-secret-7d2' };
const ASYNC_MS = 1_000;
let bank: RunningSandbox;
const running: Services[] = [];
/** Unexpected errors the services reported: none, ever. */
const reported: unknown[] = [];

beforeAll(async () => {
  bank = await startSandbox({ merchants: [BRANCH], asyncMs: ASYNC_MS });
});
afterEach(() => {
  expect(reported).toEqual([]);
});
afterAll(async () => {
  for (const services of running) await services.close();
  await bank.close();
});

/** The services over a desk, and every requests.changed they announce from now on. */
async function servicesOver(desk: Desk): Promise<{ services: Services; announced: Change[]; recordedBefore: number }> {
  const services = createServices({
    desk,
    appInfo: TEST_APP_INFO,
    report: (error) => reported.push(error),
  });
  running.push(services);
  await signInAdmin(services);
  const announced: Change[] = [];
  services.events.on('requests.changed', (change) => announced.push(change));
  return { services, announced, recordedBefore: recordedChanges(desk).length };
}

/** Every change of an operation the journal holds, in order: an intent is `sending`, an outcome its state. */
function recordedChanges(desk: Desk): Change[] {
  const db = new DatabaseSync(join(desk.dataDir, JOURNAL_FILE), { readOnly: true });
  try {
    return db
      .prepare(
        'SELECT c.key AS requestId, o.op AS op, c.state AS state FROM changes c JOIN operations o USING (key) ORDER BY c.seq',
      )
      .all()
      .map((row) => ({ ...row }) as unknown as Change);
  } finally {
    db.close();
  }
}

/** The states announced for one operation, in order. */
const statesOf = (announced: Change[], requestId: string) =>
  announced.filter((c) => c.requestId === requestId).map((c) => c.state);

async function ok<T = Record<string, unknown>>(services: Services, method: string, args: unknown = {}): Promise<T> {
  const reply = await services.dispatch(method, args);
  if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}

/** A desk with the branch profile active (its secret set); short waits so that a write is left pending. */
async function branchDesk(overrides: Partial<DeskOptions> = {}): Promise<Desk> {
  const desk = openTestDesk({ pollCeilingMs: 0, ...overrides });
  const file = join(desk.dataDir, 'branch.json');
  const profile = {
    id: 'kz-branch',
    name: 'Branch',
    region: 'KZ',
    environment: 'test',
    baseUrl: bank.url,
    merchantId: BRANCH.id,
    allowedOperations: ['clients', 'cards'],
  };
  writeFileSync(file, JSON.stringify({ version: 1, profiles: [profile] }));
  desk.importProvisioning(file);
  await desk.setSecret('kz-branch', Buffer.from(BRANCH.secret));
  desk.switchProfile('kz-branch');
  return desk;
}

const draft = (phone: number) => ({
  product_id: 2000 as const,
  client: { phone, type: 1 as const, resident: 1 as const, first_name: 'Dana', last_name: 'Sadykova' },
});

describe('requests.changed, from the journal alone', () => {
  it('announces each state of a write through the services once, and nothing for a read', async () => {
    const desk = openTestDesk();
    const { services, announced, recordedBefore } = await servicesOver(desk);
    const created = await ok<{ key: string; result: { client_id: string } }>(services, 'clients.create', {
      draft: draft(77015550001),
    });
    const issued = await ok<{ key: string; result: { cards: { card_id: string }[] } }>(services, 'cards.issue', {
      clientId: created.result.client_id,
    });
    const cardId = issued.result.cards[0]?.card_id;
    await ok(services, 'cards.info', { cardId });
    const refused = await ok<{ key: string; kind: string }>(services, 'cards.activate', { cardId: 'no-such-card' });

    // The embedded bank settles in milliseconds: a write is journalled pending only if the first status look
    // still finds it processing (docs/card-api.md), which depends on timing; the branch bank below keeps writes
    // open long enough to always be. Either way each state is announced once, in order.
    const writeStates = [
      ['sending', 'done'],
      ['sending', 'pending', 'done'],
    ];
    expect(writeStates).toContainEqual(statesOf(announced, created.key));
    expect(writeStates).toContainEqual(statesOf(announced, issued.key));
    expect(refused.kind).toBe('failed');
    expect(statesOf(announced, refused.key)).toEqual(['sending', 'failed']);
    expect(announced).toEqual(recordedChanges(desk).slice(recordedBefore));
  });

  it('announces the writes of a bulk job, each change once', async () => {
    const desk = openTestDesk();
    const { services, announced, recordedBefore } = await servicesOver(desk);
    const csv = Buffer.from(clientsCsv(6, { plasticEvery: 3, firstSerial: 4100 })).toString('base64');
    const { draftId } = await ok<{ draftId: string }>(services, 'bulk.validate', {
      fileName: 'clients.csv',
      contentBase64: csv,
    });
    const job = await ok<{ jobId: string }>(services, 'bulk.start', {
      draftId,
      concurrency: 3,
      approval: await approval(services),
    });
    await vi.waitUntil(
      async () => (await ok<{ state: string }>(services, 'bulk.get', { jobId: job.jobId })).state === 'completed',
      { timeout: 20_000, interval: 50 },
    );

    const done = announced.filter((c) => c.state === 'done');
    expect(done.filter((c) => c.op === 'client.create')).toHaveLength(6);
    expect(done.filter((c) => c.op === 'card.issue' || c.op === 'card.issuePlastic')).toHaveLength(6);
    expect(announced).toEqual(recordedChanges(desk).slice(recordedBefore));
  });

  it('announces what the reconciliation at start settles of an earlier run', async () => {
    // An earlier run left a write pending: the bank accepted it and was still processing when it quit.
    const dataDir = tempDir();
    const vault = new MemoryVault();
    const earlier = await branchDesk({ dataDir, vault });
    const left = await earlier.call('kz-branch', 'client.create', draft(77015550002));
    expect(left.kind).toBe('pending');
    await earlier.close();
    await new Promise((resolve) => setTimeout(resolve, ASYNC_MS + 100));

    const desk = openTestDesk({ dataDir, vault });
    const { announced, recordedBefore } = await servicesOver(desk);
    // The pass `card-desk start` makes over the data folder's open operations (one look each).
    const report = await desk.reconcile(undefined, { wait: false });

    expect(report.settled).toEqual([{ key: left.key, op: 'client.create', state: 'done' }]);
    expect(announced).toEqual([{ requestId: left.key, op: 'client.create', state: 'done' }]);
    expect(announced).toEqual(recordedChanges(desk).slice(recordedBefore));
  });

  it('announces what a re-check or a reconciliation on demand settles, and nothing when nothing changed', async () => {
    const desk = await branchDesk();
    const { services, announced, recordedBefore } = await servicesOver(desk);
    const first = await ok<{ key: string; kind: string }>(services, 'clients.create', { draft: draft(77015550003) });
    const second = await ok<{ key: string; kind: string }>(services, 'clients.create', { draft: draft(77015550004) });
    expect([first.kind, second.kind]).toEqual(['pending', 'pending']);

    // Still processing at the bank: a re-check finds it as it was, and says nothing.
    expect(await ok(services, 'requests.recheck', { requestId: first.key })).toMatchObject({ state: 'pending' });
    expect(statesOf(announced, first.key)).toEqual(['sending', 'pending']);

    await new Promise((resolve) => setTimeout(resolve, ASYNC_MS + 100));
    expect(await ok(services, 'requests.recheck', { requestId: first.key })).toMatchObject({ state: 'done' });
    expect(await ok(services, 'requests.reconcileAll')).toMatchObject({
      settled: [{ requestId: second.key, state: 'done' }],
    });

    expect(statesOf(announced, first.key)).toEqual(['sending', 'pending', 'done']);
    expect(statesOf(announced, second.key)).toEqual(['sending', 'pending', 'done']);
    expect(announced).toEqual(recordedChanges(desk).slice(recordedBefore));
  });
});

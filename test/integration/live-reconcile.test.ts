// Live reconciliation against the real sandbox (docs/architecture.md, live reconciliation): a write whose
// answer and every Request status look were lost stays "checking"; with no call from the operator, the services'
// background reconciler asks again, settles it, and announces the new state and each rescheduled check.
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { EventPayloads, OpenCheckView } from '../../common/contract/index.ts';
import { createServices, type Services } from '../../main/core/services/index.ts';
import { openTestDesk, TEST_APP_INFO } from '../support/test-desk.ts';
import { signInAdmin } from '../support/sign-in.ts';

const running: Services[] = [];
afterAll(async () => {
  for (const services of running) await services.close();
});

async function ok<T = Record<string, unknown>>(services: Services, method: string, args: unknown = {}): Promise<T> {
  const reply = await services.dispatch(method, args);
  if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}

async function setFaults(services: Services, next: { op: string; kind: string; count?: number }[]): Promise<void> {
  const response = await fetch(`${await services.desk.embeddedUrl()}/_sandbox/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ next }),
  });
  expect(response.status).toBe(200);
}

describe('background reconciliation', () => {
  it('settles an unknown write with no call from the operator, and the card shows it', async () => {
    const reported: unknown[] = [];
    const services = createServices({
      desk: openTestDesk(),
      appInfo: TEST_APP_INFO,
      report: (error) => reported.push(error),
      // Quick steps so that the test need not wait seconds; the schedule itself is unit-tested.
      reconcile: { backoff: { baseMs: 200, maxMs: 2_000, jitter: 0.2 } },
    });
    running.push(services);
    await signInAdmin(services);
    const created = await ok<{ result: { client_id: string } }>(services, 'clients.create', {
      draft: {
        product_id: 2000,
        client: { phone: 77015550777, type: 1, resident: 1, first_name: 'Live', last_name: 'Check' },
      },
    });
    const issued = await ok<{ result: { cards: { card_id: string }[] } }>(services, 'cards.issue', {
      clientId: created.result.client_id,
    });
    const cardId = issued.result.cards[0]?.card_id ?? '';
    await ok(services, 'cards.activate', { cardId });

    // The bank blocks the card but its answer is lost, and so are both Request status looks of the call.
    await setFaults(services, [
      { op: 'card.block', kind: 'timeout_after_commit' },
      { op: 'request.status', kind: 'http_500', count: 2 },
    ]);
    const changed: EventPayloads['requests.changed'][] = [];
    const scheduled: EventPayloads['requests.checkScheduled'][] = [];
    services.events.on('requests.changed', (c) => changed.push(c));
    services.events.on('requests.checkScheduled', (s) => scheduled.push(s));
    // Background checks are not operator activity: the idle lock must not be pushed back by them.
    const activity = vi.spyOn(services.session, 'activity');
    const block = await ok<{ kind: string; key: string }>(services, 'cards.block', {
      cardId,
      reason: 'stolen',
      note: 'live reconcile',
    });
    expect(block.kind).toBe('unknown');

    // While open it is listed with its next check, for this card.
    const open = await ok<OpenCheckView[]>(services, 'requests.checks', { cardId });
    const entry = open.find((o) => o.requestId === block.key);
    expect(entry?.state).toBe('unknown');
    expect(entry?.attempt).toBeGreaterThanOrEqual(1);
    expect(entry?.nextCheckAt === null || (entry?.nextCheckAt ?? 0) > 0).toBe(true);

    // Nobody calls anything: the reconciler settles it.
    await vi.waitUntil(() => services.desk.journal.get(block.key)?.state === 'done', { timeout: 15_000, interval: 50 });
    expect(changed.filter((c) => c.requestId === block.key).map((c) => c.state)).toContain('done');
    expect(scheduled.some((s) => s.requestId === block.key && s.nextCheckAt !== null)).toBe(true);
    expect(scheduled.filter((s) => s.requestId === block.key).at(-1)?.nextCheckAt).toBeNull();
    expect(activity).not.toHaveBeenCalled();
    expect(await ok<OpenCheckView[]>(services, 'requests.checks', { cardId })).toEqual([]);
    const info = await ok<{ kind: string; result: { card: { status: string } } }>(services, 'cards.info', { cardId });
    expect(info.result.card.status).toBe('blocked');
    expect(reported).toEqual([]);
  }, 30_000);

  it('parks an operation this process does not settle, without a loop', async () => {
    const reported: unknown[] = [];
    const services = createServices({
      desk: openTestDesk(),
      appInfo: TEST_APP_INFO,
      report: (error) => reported.push(error),
      reconcile: { backoff: { baseMs: 50, maxMs: 200, jitter: 0 } },
      jobsOf: () => false, // this process settles no profile's operations (as the preview for production ones)
    });
    running.push(services);
    await signInAdmin(services);
    const created = await ok<{ result: { client_id: string } }>(services, 'clients.create', {
      draft: {
        product_id: 2000,
        client: { phone: 77015550778, type: 1, resident: 1, first_name: 'Live', last_name: 'Skip' },
      },
    });
    const issued = await ok<{ result: { cards: { card_id: string }[] } }>(services, 'cards.issue', {
      clientId: created.result.client_id,
    });
    const cardId = issued.result.cards[0]?.card_id ?? '';
    await setFaults(services, [
      { op: 'card.activate', kind: 'timeout_after_commit' },
      { op: 'request.status', kind: 'http_500', count: 2 },
    ]);
    const activate = await ok<{ kind: string; key: string }>(services, 'cards.activate', { cardId });
    expect(activate.kind).toBe('unknown');
    const checked: number[] = [];
    services.events.on('requests.checkScheduled', (s) => checked.push(s.attempt));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // One look found no client to ask with: parked (no next check), not retried every 50 ms.
    expect(services.desk.journal.get(activate.key)?.state).toBe('unknown');
    const [parked] = await ok<OpenCheckView[]>(services, 'requests.checks', { cardId });
    expect(parked?.nextCheckAt).toBeNull();
    expect(checked.length).toBeLessThanOrEqual(2);
    expect(reported).toEqual([]);
  }, 20_000);
});

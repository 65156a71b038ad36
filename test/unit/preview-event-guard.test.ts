// The preview's event filter, event by event, derived from the contract's event metadata (scope and target,
// common/contract/events.ts): an event about a production profile, or one that cannot be placed, is dropped; an
// event of a sandbox profile or of a profile-free scope passes, in order. An event added later is covered here
// without editing this file.
import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, EVENTS, type EventName, type EventPayloads } from '../../common/contract/index.ts';
import { JobStore } from '../../main/core/bulk/job-store.ts';
import type { Desk } from '../../main/core/desk.ts';
import { DeskEvents } from '../../main/core/services/events.ts';
import { sandboxEvents } from '../../main/preview/sandbox-only.ts';
import { tempDir } from '../support/temp-dir.ts';

const PROD = 'prod';
const FREE_SCOPES = ['app', 'session', 'settings'];

function fixture() {
  const dataDir = tempDir('card-desk-event-guard-');
  const store = new JobStore(dataDir);
  const job = (profileId: string) =>
    store.create(
      { profileId, format: 'cards', fileName: 'c.csv', header: [], total: 0, concurrency: 1 },
      [],
      Date.now(),
    ).id;
  const jobs = { sandbox: job('sandbox'), [PROD]: job(PROD) };
  const requests: Record<string, { connection: { profileId?: string } }> = {
    'req-sandbox': { connection: { profileId: 'sandbox' } },
    'req-prod': { connection: { profileId: PROD } },
    'req-none': { connection: {} },
  };
  const desk = {
    dataDir,
    storedProfiles: () => [
      { id: 'sandbox', environment: 'sandbox' },
      { id: PROD, environment: 'production' },
    ],
    journal: { get: (key: string) => requests[key] },
  } as unknown as Desk;
  const events = new DeskEvents();
  return { events, guarded: sandboxEvents(desk, events), jobs };
}

/** A payload of `event` about `profileId`'s job, operation or the profile itself. */
function payloadFor(event: EventName, profileId: string, jobs: Record<string, string>): EventPayloads[EventName] {
  const base: Record<string, unknown> = { jobId: 'x', state: 'running', total: 0, done: 0, failed: 0, remaining: 0 };
  const target = EVENTS[event].target;
  if (target === 'job') base.jobId = jobs[profileId];
  if (target === 'request') base.requestId = `req-${profileId}`;
  if (target === 'argument') base.profileId = profileId;
  if (target === 'none') Object.assign(base, { locked: true, reason: 'operator' });
  return base as unknown as EventPayloads[EventName];
}

async function seen(
  event: EventName,
  payloads: EventPayloads[EventName][],
  { events, guarded } = fixture(),
): Promise<unknown[]> {
  const got: unknown[] = [];
  guarded.on(event, (payload) => got.push(payload));
  for (const payload of payloads) events.emit(event, payload);
  await new Promise((resolve) => setTimeout(resolve, 50));
  return got;
}

describe('the preview event filter, derived from each event’s scope and target', () => {
  it.each(EVENT_NAMES)('%s', async (event) => {
    const fixed = fixture();
    const prod = payloadFor(event, PROD, fixed.jobs);
    const sandbox = payloadFor(event, 'sandbox', fixed.jobs);
    const got = await seen(event, [prod, sandbox], fixed);
    if (FREE_SCOPES.includes(EVENTS[event].scope)) expect(got).toEqual([prod, sandbox]);
    else expect(got).toEqual([sandbox]);
  });

  it('drops an event whose job or operation cannot be placed', async () => {
    const bulk = { jobId: 'no-such-job', state: 'running', total: 0, done: 0, failed: 0, remaining: 0 };
    expect(await seen('bulk.progress', [bulk as EventPayloads['bulk.progress']])).toEqual([]);
    const unknown = { requestId: 'req-unknown', op: 'card.issue', state: 'sending' } as const;
    const profileless = { requestId: 'req-none', op: 'card.issue', state: 'sending' } as const;
    expect(await seen('requests.changed', [unknown, profileless])).toEqual([]);
  });
});

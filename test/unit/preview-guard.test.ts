// The preview's sandbox-only guard, method by method, derived from the contract's metadata: with a production
// profile active, named, saved over, imported over, owning a job or an open operation, every method that
// touches a profile is refused before it runs, and listings carry only sandbox records. A method added later
// is covered here without editing this file.
import { describe, expect, it } from 'vitest';
import {
  METHOD_NAMES,
  PROFILE_FREE_SCOPES,
  contract,
  type MethodName,
  type Reply,
} from '../../common/contract/index.ts';
import { JobStore } from '../../main/core/bulk/job-store.ts';
import type { Desk } from '../../main/core/desk.ts';
import { SANDBOX_ONLY, sandboxOnly } from '../../main/preview/sandbox-only.ts';
import { LOCAL_PROFILE, examplesFor } from '../verify/fuzz-args.ts';
import { tempDir } from '../support/temp-dir.ts';

const PROD = 'prod';
const profiles = [
  { id: 'sandbox', environment: 'sandbox' },
  { id: PROD, environment: 'production' },
];

function fixture() {
  const dataDir = tempDir('card-desk-guard-');
  const job = new JobStore(dataDir).create(
    { profileId: PROD, format: 'cards', fileName: 'c.csv', header: [], total: 0, concurrency: 1 },
    [],
    Date.now(),
  );
  const entry = { connection: { profileId: PROD } };
  const desk = {
    dataDir,
    storedProfiles: () => profiles,
    activeProfileId: () => PROD,
    journal: { get: () => entry, open: () => [entry] },
  } as unknown as Desk;
  const dispatched: string[] = [];
  // Every listing answers records of both profiles, in the shape its method returns.
  const records = [{ profileId: 'sandbox' }, { profileId: PROD }, { profileId: null }];
  const dispatch = (method: string, args: unknown): Promise<Reply<unknown>> => {
    dispatched.push(method);
    const shape = (contract[method as MethodName] as { args: { shape?: object } } | undefined)?.args.shape ?? {};
    if (method === 'profiles.list') return Promise.resolve({ ok: true, value: profiles });
    if (method === 'journal.count') {
      const { profileId } = args as { profileId?: string };
      return Promise.resolve({ ok: true, value: { count: profileId === undefined ? 3 : 1 } });
    }
    if ('cursor' in shape) return Promise.resolve({ ok: true, value: { entries: records, nextCursor: null } });
    return Promise.resolve({ ok: true, value: records });
  };
  return { guarded: sandboxOnly(desk, dispatch), dispatched, jobId: job.id };
}

/** Arguments that aim the method at the production profile wherever the method names a profile. */
function aimedAtProd(method: MethodName, jobId: string): Record<string, unknown> {
  const args = { ...examplesFor(method, ids)[0] };
  const { target } = contract[method];
  if (target === 'argument') args.profileId = PROD;
  if (target === 'draft') args.profile = { ...LOCAL_PROFILE, id: PROD, allowedOperations: ['cards'] };
  if (target === 'file') args.content = JSON.stringify({ version: 1, profiles: [{ ...LOCAL_PROFILE, id: PROD }] });
  if (target === 'job') args.jobId = jobId;
  return args;
}
const ids = { clientId: '100', cardId: '200', profileId: PROD, operatorPin: '1234', kioskPin: '12345678' };

describe('the preview guard, derived from each method’s scope and target', () => {
  it.each(METHOD_NAMES)('%s', async (method) => {
    const { guarded, dispatched, jobId } = fixture();
    const spec = contract[method];
    const reply = await guarded(method, aimedAtProd(method, jobId));
    if ((PROFILE_FREE_SCOPES as readonly string[]).includes(spec.scope)) {
      expect(dispatched).toEqual([method]);
    } else if (spec.target === 'listed') {
      expect(reply.ok).toBe(true);
      const value = reply.ok ? reply.value : undefined;
      if (typeof (value as { count?: unknown }).count === 'number') {
        // A count is the sandbox profiles' own (one record here), never the whole journal's.
        expect(value).toEqual({ count: 1 });
        return;
      }
      const items = (Array.isArray(value) ? value : (value as { entries: unknown[] }).entries) as object[];
      expect(items.length).toBeGreaterThan(0);
      expect(JSON.stringify(items)).not.toContain(`"${PROD}"`);
    } else {
      expect(reply).toMatchObject({ ok: false, error: { code: SANDBOX_ONLY } });
      expect(dispatched).toEqual([]);
    }
  });

  it('a name outside the contract places nothing and goes to the dispatcher, which refuses it', async () => {
    const { guarded, dispatched } = fixture();
    await guarded('cards.teleport', {});
    expect(dispatched).toEqual(['cards.teleport']);
  });
});

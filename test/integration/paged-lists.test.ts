// The paged lists of the contract (requests.list, journal.search, journal.audit, journal.count) over a real
// journal: walking the cursor gives every matching row exactly once, newest first, filters apply, page sizes
// outside the contract are refused, and the preview's guard keeps paging to sandbox records only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../common/contract/index.ts';
import type { Desk } from '../../main/core/desk.ts';
import { createServices, type Services } from '../../main/core/services/index.ts';
import { sandboxOnly } from '../../main/preview/sandbox-only.ts';
import { intent } from '../support/journal-records.ts';
import { openTestDesk, TEST_APP_INFO } from '../support/test-desk.ts';
import { signInAdmin } from '../support/sign-in.ts';

const OPERATIONS = 250;
const OPS = ['card.block', 'card.unblock', 'client.create'] as const;
const STATES = ['done', 'failed', 'pending'] as const;
/** Every third operation is the sandbox's, every third another profile's, the rest name no profile. */
const profileOf = (i: number) => (i % 3 === 0 ? 'sandbox' : i % 3 === 1 ? 'prod' : undefined);

interface Row {
  requestId: string;
  op: string;
  state: string;
  profileId: string | null;
  at: number;
}
interface PageOf<T> {
  entries: T[];
  nextCursor: string | null;
}

let desk: Desk;
let services: Services;
const reported: unknown[] = [];

beforeAll(async () => {
  desk = openTestDesk();
  services = createServices({ desk, appInfo: TEST_APP_INFO, report: (error) => reported.push(error) });
  await signInAdmin(services);
  for (let i = 0; i < OPERATIONS; i++) {
    const key = `op-${String(i).padStart(4, '0')}`;
    // Two operations share each millisecond: the cursor must still not skip or repeat one.
    const profileId = profileOf(i);
    desk.journal.recordIntent(
      intent(key, 10_000 + Math.floor(i / 2), { op: OPS[i % 3], ...(profileId ? { profileId } : {}) }),
    );
    desk.journal.recordOutcome({ key, at: 20_000 + i, state: STATES[i % 3] ?? 'done' });
  }
  for (let i = 0; i < 120; i++) {
    desk.audit(i % 2 === 0 ? 'settings.update' : 'secret.set', { profileId: i % 4 < 2 ? 'sandbox' : 'prod' });
  }
});
afterAll(async () => {
  await services.close();
  expect(reported).toEqual([]);
});

async function value(reply: Promise<Reply<unknown>>): Promise<unknown> {
  const answer = await reply;
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}

/** Every page from the first, following nextCursor; the number of pages too. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the rows' shape, as the caller reads them
async function walk<T>(
  dispatch: (method: string, args: unknown) => Promise<Reply<unknown>>,
  method: string,
  args: Record<string, unknown>,
): Promise<{ rows: T[]; pages: number }> {
  const rows: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: PageOf<T> = (await value(dispatch(method, { ...args, cursor }))) as PageOf<T>;
    expect(page.entries.length).toBeLessThanOrEqual(typeof args.limit === 'number' ? args.limit : 100);
    rows.push(...page.entries);
    cursor = page.nextCursor;
    pages++;
  } while (cursor !== null && pages < 1000);
  return { rows, pages };
}

/** What the whole journal holds, newest first (ties: the later written first), filtered. */
function expected(keep: (row: Row) => boolean = () => true): string[] {
  return desk.journal
    .list()
    .map((e, seq) => ({ e, seq }))
    .sort((a, b) => b.e.at - a.e.at || b.seq - a.seq)
    .map(({ e }) => ({
      requestId: e.key,
      op: e.op,
      state: e.state,
      profileId: e.connection.profileId ?? null,
      at: e.at,
    }))
    .filter(keep)
    .map((r) => r.requestId);
}

const dispatch = (method: string, args: unknown) => services.dispatch(method, args);

describe('paged lists of the journal', () => {
  it.each(['requests.list', 'journal.search'])('%s: the cursor walks every operation once, newest first', async (m) => {
    const { rows, pages } = await walk<Row>(dispatch, m, { limit: 37 });
    expect(rows.map((r) => r.requestId)).toEqual(expected());
    expect(new Set(rows.map((r) => r.requestId)).size).toBe(OPERATIONS);
    expect(pages).toBe(Math.ceil(OPERATIONS / 37));
  });

  it('answers the first page at the default size, and the last page ends the list', async () => {
    const first = (await value(dispatch('journal.search', {}))) as PageOf<Row>;
    expect(first.entries).toHaveLength(100);
    expect(first.nextCursor).not.toBeNull();
    const all = (await value(dispatch('journal.search', { limit: 500 }))) as PageOf<Row>;
    expect(all.entries).toHaveLength(OPERATIONS);
    expect(all.nextCursor).toBeNull();
  });

  it('applies the filters on every page and counts what they match', async () => {
    const cases: [Record<string, unknown>, (r: Row) => boolean][] = [
      [{ states: ['failed', 'pending'] }, (r) => r.state === 'failed' || r.state === 'pending'],
      [{ op: 'card.unblock' }, (r) => r.op === 'card.unblock'],
      [{ profileId: 'sandbox' }, (r) => r.profileId === 'sandbox'],
      [{ from: 10_050, to: 10_059 }, (r) => r.at >= 10_050 && r.at <= 10_059],
      [{ text: 'OP-012' }, (r) => r.requestId.startsWith('op-012')],
    ];
    for (const [filter, keep] of cases) {
      const { rows } = await walk<Row>(dispatch, 'journal.search', { ...filter, limit: 16 });
      expect(
        rows.map((r) => r.requestId),
        JSON.stringify(filter),
      ).toEqual(expected(keep));
      expect(await value(dispatch('journal.count', filter))).toEqual({ count: expected(keep).length });
    }
    const requests = await walk<Row>(dispatch, 'requests.list', { states: ['pending'], op: 'client.create', limit: 9 });
    expect(requests.rows.map((r) => r.requestId)).toEqual(
      expected((r) => r.state === 'pending' && r.op === 'client.create'),
    );
  });

  it('walks the audit trail once, newest first, filtered by action', async () => {
    const { rows } = await walk<{ id: string; action: string }>(dispatch, 'journal.audit', { limit: 7 });
    const trail = desk.journal.auditTrail().reverse();
    expect(rows.map((r) => r.id)).toEqual(trail.map((r) => r.key));
    const secrets = await walk<{ action: string }>(dispatch, 'journal.audit', { action: 'secret.set', limit: 11 });
    expect(secrets.rows).toHaveLength(60);
    expect(secrets.rows.every((r) => r.action === 'secret.set')).toBe(true);
  });

  it.each(['requests.list', 'journal.search', 'journal.audit'])('%s refuses a page size outside 1..500', async (m) => {
    for (const limit of [0, 501, 100_000, 1.5]) {
      expect(await dispatch(m, { limit }), String(limit)).toMatchObject({
        ok: false,
        error: { code: 'invalid_arguments' },
      });
    }
    expect(await dispatch(m, { offset: 10 })).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
  });
});

describe('paged lists in the preview', () => {
  const guarded = () => sandboxOnly(desk, dispatch);

  it('pages only sandbox records, each once, newest first', async () => {
    // Records of no profile (a CLI call with connection flags) cannot be placed on a sandbox: hidden.
    const visible = (r: Row) => r.profileId === 'sandbox';
    for (const limit of [1, 10, 500]) {
      const { rows } = await walk<Row>(guarded(), 'journal.search', { limit });
      expect(rows.map((r) => r.requestId)).toEqual(expected(visible));
    }
    const requests = await walk<Row>(guarded(), 'requests.list', { states: ['done'], limit: 13 });
    expect(requests.rows.map((r) => r.requestId)).toEqual(expected((r) => visible(r) && r.state === 'done'));
    // The audit trail also lists records of no profile (the sign-in above): they belong to the workstation.
    type AuditRow = { id: string; profileId: string | null };
    const audit = await walk<AuditRow>(guarded(), 'journal.audit', { limit: 9 });
    const all = await walk<AuditRow>(dispatch, 'journal.audit', { limit: 500 });
    const listed = all.rows.filter((r) => r.profileId === 'sandbox' || r.profileId === null);
    expect(audit.rows.map((r) => r.id)).toEqual(listed.map((r) => r.id));
    expect(audit.rows.filter((r) => r.profileId === 'sandbox')).toHaveLength(60);
    expect(audit.rows.some((r) => r.profileId === null)).toBe(true);
    expect(all.rows.filter((r) => r.profileId === 'prod')).toHaveLength(60);
  });

  it('counts the sandbox profiles’ operations only, and refuses another profile by name', async () => {
    const sandbox = expected((r) => r.profileId === 'sandbox').length;
    expect(await value(guarded()('journal.count', {}))).toEqual({ count: sandbox });
    expect(await value(guarded()('journal.count', { profileId: 'sandbox' }))).toEqual({ count: sandbox });
    expect(await guarded()('journal.count', { profileId: 'prod' })).toMatchObject({
      ok: false,
      error: { code: 'preview_sandbox_only' },
    });
  });
});

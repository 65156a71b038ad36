// Attacks on the journal's queries from the keyboard: every filter of journal.search, journal.count,
// requests.list and journal.audit that reaches SQL, sent with crafted values through the contract and through the
// preview's guard. Whatever is sent, the values stay values (never SQL), the journal stays whole, and the
// preview shows sandbox records only, never where another profile's records are (docs/architecture.md, "Paged lists").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../common/contract/index.ts';
import type { Desk } from '../../../main/core/desk.ts';
import { createServices, type Services } from '../../../main/core/services/index.ts';
import { sandboxOnly } from '../../../main/preview/sandbox-only.ts';
import { attack } from '../../support/attack.ts';
import { intent } from '../../support/journal-records.ts';
import { openTestDesk, TEST_APP_INFO } from '../../support/test-desk.ts';
import { signInAdmin } from '../../support/sign-in.ts';

let desk: Desk;
let services: Services;
let guarded: (method: string, args: unknown) => Promise<Reply<unknown>>;
const TOTAL = 400;

beforeAll(async () => {
  desk = openTestDesk();
  services = createServices({ desk, appInfo: TEST_APP_INFO, report: () => undefined });
  await signInAdmin(services);
  // Mostly production operations, a sandbox one every 50th: a preview page must read past many foreign rows.
  for (let i = 0; i < TOTAL; i++) {
    const profileId = i % 50 === 0 ? 'sandbox' : 'production-kz';
    desk.journal.recordIntent(intent(`k-${String(i).padStart(4, '0')}`, 10_000 + i * 7, { profileId }));
  }
  guarded = sandboxOnly(desk, (method, args) => services.dispatch(method, args));
});
afterAll(async () => {
  await services.close();
});

const INJECTIONS = [
  "' OR 1=1 --",
  "x') OR ('1'='1",
  "'; DROP TABLE operations; --",
  '%',
  '_',
  '\\',
  '%%%%%%%%',
  "card.block' UNION SELECT * FROM audit --",
  'sandbox" OR "1"="1',
];

/** How many operations hold `text` in their id, operation, parameters or result, in any case (the filter). */
function holding(text: string): number {
  const needle = text.toLowerCase();
  return desk.journal
    .list()
    .filter((e) =>
      `${e.key} ${e.op} ${JSON.stringify(e.params)} ${JSON.stringify(e.result ?? {})}`.toLowerCase().includes(needle),
    ).length;
}

function entriesOf(reply: Reply<unknown>): { profileId: string | null; op: string }[] {
  if (!reply.ok) return [];
  return (reply.value as { entries: { profileId: string | null; op: string }[] }).entries;
}

describe('SQL through the filters', () => {
  it('a crafted text, op, profile, action or state is a value, never SQL', () =>
    attack('journal filters: SQL injection through the contract', async () => {
      for (const bad of INJECTIONS) {
        for (const method of ['journal.search', 'requests.list']) {
          const text = await services.dispatch(method, { text: bad, limit: 500 });
          expect(text.ok, `${method} text ${bad}`).toBe(true);
          // The wildcards and quotes are literal: only operations that hold them as they are match.
          expect(entriesOf(text).length, `${method} text ${bad}`).toBe(Math.min(500, holding(bad)));
          const op = await services.dispatch(method, { op: bad, limit: 500 });
          expect(entriesOf(op), `${method} op ${bad}`).toEqual([]);
        }
        const byProfile = await services.dispatch('journal.count', { profileId: bad });
        // A profile id outside the id format is refused, one inside it counts nothing.
        if (byProfile.ok) expect(byProfile.value).toEqual({ count: 0 });
        else expect(byProfile.error.code).toBe('invalid_arguments');
        const audit = await services.dispatch('journal.audit', { action: bad });
        expect(entriesOf(audit)).toEqual([]);
        const states = await services.dispatch('journal.search', { states: [bad] });
        expect(states).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
      }
      for (const [from, to] of [
        ['0 OR 1=1', 1],
        [Number.NaN, 1],
        [0, Number.POSITIVE_INFINITY],
      ]) {
        const reply = await services.dispatch('journal.search', { from, to });
        expect(reply, `from ${String(from)} to ${String(to)}`).toMatchObject({ ok: false });
      }
      expect(desk.journal.count({})).toBe(TOTAL);
    }));

  it('a huge or odd page size is refused, not read', () =>
    attack('journal pages: a huge limit makes main read the whole history', async () => {
      for (const limit of [1e9, 501, 0, -1, 1.5, '100; DROP TABLE operations']) {
        for (const method of ['journal.search', 'requests.list', 'journal.audit']) {
          const reply = await services.dispatch(method, { limit });
          expect(reply, `${method} ${String(limit)}`).toMatchObject({
            ok: false,
            error: { code: 'invalid_arguments' },
          });
        }
      }
    }));
});

describe('the preview reading past other profiles’ rows', () => {
  it('a page’s cursor never tells where another profile’s operations are', () =>
    attack('preview cursor: the time and place of another profile’s operations', async () => {
      const foreign = desk.journal.iterate({ profileId: 'production-kz' });
      const foreignPlaces = new Set([...foreign].map((e) => String(e.at)));
      let cursor: string | null = null;
      const seen: string[] = [];
      for (let pageNo = 0; pageNo < 50; pageNo++) {
        const reply = await guarded('journal.search', { limit: 1, ...(cursor === null ? {} : { cursor }) });
        expect(reply.ok).toBe(true);
        const page = (reply as { value: { entries: { profileId: string }[]; nextCursor: string | null } }).value;
        seen.push(...page.entries.map((e) => e.profileId));
        cursor = page.nextCursor;
        if (cursor === null) break;
        // A cursor that named a production operation's time would place it in the history.
        for (const place of foreignPlaces) expect(cursor.includes(place), `cursor ${cursor}`).toBe(false);
      }
      expect(seen.every((id) => id === 'sandbox')).toBe(true);
      expect(seen).toHaveLength(TOTAL / 50);
    }));
});

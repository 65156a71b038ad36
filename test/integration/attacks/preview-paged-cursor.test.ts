// Attacks on the paged lists through the browser preview: a page's cursor is the caller's to send, so a tab may
// forge one. Whatever cursor it sends, the preview answers sandbox records only, and a cursor the journal did
// not give is refused as invalid arguments (never an internal error, never a query of its own).
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

beforeAll(async () => {
  desk = openTestDesk();
  services = createServices({ desk, appInfo: TEST_APP_INFO, report: () => undefined });
  await signInAdmin(services);
  for (let i = 0; i < 60; i++) {
    const key = `k-${String(i).padStart(3, '0')}`;
    desk.journal.recordIntent(intent(key, 5_000 + i, { profileId: i % 2 === 0 ? 'sandbox' : 'production-kz' }));
    desk.audit('secret.set', { profileId: i % 2 === 0 ? 'sandbox' : 'production-kz' });
  }
  guarded = sandboxOnly(desk, (method, args) => services.dispatch(method, args));
});
afterAll(async () => {
  await services.close();
});

const profilesIn = (reply: Reply<unknown>) =>
  reply.ok ? (reply.value as { entries: { profileId: string | null }[] }).entries.map((e) => e.profileId) : [];

describe('forged cursors in the preview', () => {
  it('a forged cursor pointing anywhere in the history still answers sandbox records only', () =>
    attack('a forged page cursor shows another profile’s operations in the preview', async () => {
      // The journal's cursors are "<time>:<sequence>": every place in the history, and past both ends.
      const past = `${'9'.repeat(400)}:1`;
      for (const cursor of ['5059:60', '5031:32', '5030:31', '99999999:999999', '0:0', '5000.5:1', past]) {
        for (const method of ['journal.search', 'requests.list']) {
          const reply = await guarded(method, { cursor, limit: 500 });
          // The preview takes back only cursors it sealed (main/preview/sealed-cursor.ts): a raw one is refused.
          if (!reply.ok) expect(reply.error.code, `${method} ${cursor}`).toBe('invalid_arguments');
          expect(profilesIn(reply).every((id) => id === 'sandbox')).toBe(true);
        }
        const audit = await guarded('journal.audit', { cursor, limit: 500 });
        expect(profilesIn(audit).every((id) => id === 'sandbox')).toBe(true);
      }
    }));

  it('a cursor the journal did not give is refused as invalid arguments', () =>
    attack('a crafted page cursor reaches the journal’s query', async () => {
      const crafted = ["1:1' OR 1=1 --", '1:1;DROP TABLE operations', 'abc', '1:-1', '1:1:1', ':'];
      for (const cursor of crafted) {
        for (const method of ['journal.search', 'requests.list', 'journal.audit']) {
          const reply = await guarded(method, { cursor });
          expect(reply, `${method} ${cursor}`).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
        }
      }
      // The journal is whole afterwards.
      expect(desk.journal.count({})).toBe(60);
    }));
});

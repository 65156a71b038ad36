// Attack: the browser preview reads operations that name no profile. `card-desk call` with connection flags
// (a base URL, a merchant, a secret on stdin) journals its writes without a profile, in the same journal; such
// a write may well be a production one, so the preview, which shows sandbox profiles' records only, must
// not list it, count it or answer it by id (docs/architecture.md, "Paged lists").
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
  desk.journal.recordIntent(intent('cli-prod', 1000)); // as `card-desk call --base-url https://… --merchant …`
  desk.journal.recordOutcome({ key: 'cli-prod', at: 1100, state: 'done', result: { client_id: 'real-client' } });
  desk.journal.recordIntent(intent('sandbox-op', 2000, { profileId: 'sandbox' }));
  guarded = sandboxOnly(desk, (method, args) => services.dispatch(method, args));
});
afterAll(async () => {
  await services.close();
});

describe('operations of no profile in the preview', () => {
  it('are neither listed, searched nor answered by id', () =>
    attack('preview: a profile-less (possibly production) CLI operation is shown', async () => {
      for (const method of ['journal.search', 'requests.list']) {
        const reply = await guarded(method, { limit: 500 });
        expect(reply.ok).toBe(true);
        const keys = (reply as { value: { entries: { requestId: string }[] } }).value.entries.map((e) => e.requestId);
        expect(keys, method).toEqual(['sandbox-op']);
      }
      const found = await guarded('journal.search', { text: 'real-client' });
      expect((found as { value: { entries: unknown[] } }).value.entries).toEqual([]);
      const recheck = await guarded('requests.recheck', { requestId: 'cli-prod' });
      expect(recheck).toMatchObject({ ok: false, error: { code: 'preview_sandbox_only' } });
    }));
});

describe('audit records of no profile in the preview', () => {
  it('are listed: an audit trail hides no workstation-wide record (sign-ins, operators, settings)', async () => {
    desk.journal.recordAudit({ key: 'wide', at: 3000, action: 'settings.update', details: { language: 'ru' } });
    desk.journal.recordAudit({ key: 'prod', at: 3001, action: 'secret.set', profileId: 'bank-prod', details: {} });
    desk.journal.recordAudit({ key: 'sbx', at: 3002, action: 'secret.set', profileId: 'sandbox', details: {} });
    const reply = await guarded('journal.audit', { limit: 500 });
    const keys = (reply as { value: { entries: { id: string }[] } }).value.entries.map((e) => e.id);
    expect(keys).toEqual(expect.arrayContaining(['wide', 'sbx']));
    expect(keys).not.toContain('prod'); // another profile's record stays in the desktop app
    // The administrator's first start and sign-in are workstation-wide too.
    expect(keys.length).toBeGreaterThan(2);
  });
});

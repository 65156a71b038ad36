// The journal's retention: without a policy every operation stays; with `journalArchiveAfterDays` the app moves
// older final operations and audit records to an archive file at start (and daily), audited, open ones staying.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DAY_MS } from '../../main/core/journal/retention.ts';
import { createServices, type Services } from '../../main/core/services/index.ts';
import { intent } from '../support/journal-records.ts';
import { openTestDesk, TEST_APP_INFO } from '../support/test-desk.ts';

const opened: Services[] = [];
afterAll(async () => {
  for (const services of opened) await services.close();
});

function deskWithHistory() {
  const desk = openTestDesk();
  const now = Date.now();
  for (const [key, daysAgo, state] of [
    ['ancient-done', 400, 'done'],
    ['old-failed', 40, 'failed'],
    ['old-open', 40, 'unknown'],
    ['recent-done', 10, 'done'],
  ] as const) {
    desk.journal.recordIntent(intent(key, now - daysAgo * DAY_MS));
    desk.journal.recordOutcome({ key, at: now - daysAgo * DAY_MS + 1, state });
  }
  desk.journal.recordAudit({ key: 'old-audit', at: now - 40 * DAY_MS, action: 'card.reveal', details: {} });
  return desk;
}

function start(desk: ReturnType<typeof openTestDesk>): Services {
  const services = createServices({
    desk,
    appInfo: TEST_APP_INFO,
    report: (error) => {
      throw error;
    },
  });
  opened.push(services);
  return services;
}

describe('journal retention', () => {
  it('keeps every operation while no policy says otherwise', async () => {
    const desk = deskWithHistory();
    start(desk);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(desk.journal.count()).toBe(4);
    expect(existsSync(join(desk.dataDir, 'archive'))).toBe(false);
  });

  it('archives final operations and audit records past the policy’s days at start, and audits it', async () => {
    const desk = deskWithHistory();
    desk.applyProvisioning({ version: 1, profiles: [], policy: { locked: [], journalArchiveAfterDays: 30 } });
    start(desk);
    await vi.waitUntil(() => desk.journal.count() === 2, { timeout: 5_000 });
    expect(desk.journal.list().map((e) => e.key)).toEqual(['old-open', 'recent-done']);
    expect(readdirSync(join(desk.dataDir, 'archive'))).toHaveLength(1);
    const actions = desk.journal.auditTrail().map((r) => r.action);
    expect(actions).not.toContain('card.reveal'); // moved, with the operations
    expect(actions).toContain('journal.archive');
  });
});

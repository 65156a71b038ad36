// `card-desk audit ship --status` (docs/architecture.md, shipping to the log server): how far shipping is for a
// data folder, as text or JSON; the CLI itself never ships.
import { describe, expect, it } from 'vitest';
import { Journal } from '../../main/core/journal/index.ts';
import { runCli } from '../support/run-cli.ts';
import { shippingOn } from '../support/shipping-on.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('card-desk audit ship --status', () => {
  it('tells the records waiting, the oldest, and that no policy names a server', async () => {
    const dir = tempDir();
    shippingOn(dir);
    const journal = Journal.open(dir);
    journal.recordAudit({ key: 'a1', at: Date.UTC(2026, 0, 1), action: 'secret.set', details: {} });
    journal.recordAudit({ key: 'a2', at: Date.UTC(2026, 0, 2), action: 'secret.set', details: {} });
    journal.close();
    const json = await runCli(['audit', 'ship', '--status', '--json', '--data-dir', dir]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      configured: false,
      pending: 2,
      oldestPendingAt: Date.UTC(2026, 0, 1),
      lastShippedAt: null,
      lastError: null,
      behind: false,
    });
    const text = await runCli(['audit', 'ship', '--status', '--data-dir', dir]);
    expect(text.stdout).toContain('pending:       2, the oldest from 2026-01-01T00:00:00.000Z');
    expect(text.stdout).toContain('server:        none: no policy names a syslog server');
  }, 60_000);

  it('refuses anything but --status', async () => {
    const result = await runCli(['audit', 'ship', '--data-dir', tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('only --status');
  }, 60_000);
});

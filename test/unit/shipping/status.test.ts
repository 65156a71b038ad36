// audit.status's shipping part and the `behind` flag the frame shows (docs/architecture.md, shipping to the log
// server): behind once the oldest waiting record waited past the policy's threshold, never without a server.
import { describe, expect, it } from 'vitest';
import type { SyslogPolicy } from '../../../common/settings/syslog.ts';
import { Journal } from '../../../main/core/journal/index.ts';
import { auditStatusHandler } from '../../../main/core/services/audit-status.ts';
import { isBehind } from '../../../main/core/shipping/status.ts';
import { shippingOn } from '../../support/shipping-on.ts';
import { tempDir } from '../../support/temp-dir.ts';

const policy: SyslogPolicy = { host: 'logs.bank.example', port: 6514, transport: 'tcp' };

describe('shipping status', () => {
  it('is behind after five minutes by default, or after the policy says', () => {
    expect(isBehind(policy, 0, 300_000)).toBe(false);
    expect(isBehind(policy, 0, 300_001)).toBe(true);
    expect(isBehind({ ...policy, behindAfterSeconds: 60 }, 0, 60_001)).toBe(true);
    expect(isBehind(policy, null, 1e12)).toBe(false);
    expect(isBehind(undefined, 0, 1e12)).toBe(false);
  });

  it('answers audit.status with the outbox of the desk and its policy', async () => {
    const dir = tempDir();
    shippingOn(dir);
    const journal = Journal.open(dir);
    journal.recordAudit({ key: 'a', at: Date.now() - 600_000, action: 'secret.set', details: {} });
    journal.close();
    let syslog: SyslogPolicy | undefined = policy;
    const handler = auditStatusHandler({ dataDir: dir, settings: () => (syslog === undefined ? {} : { syslog }) });
    const view = await handler({});
    expect(view.chain).toEqual({ state: 'unchecked' });
    expect(view.shipping).toMatchObject({ configured: true, pending: 1, behind: true, lastShippedAt: null });
    syslog = undefined;
    expect((await handler({})).shipping).toMatchObject({ configured: false, behind: false });
  });
});

// Shipping to a real rsyslogd (docs/architecture.md, shipping to the log server): TLS with the policy's CA, a
// server certificate from another CA refused, plain TCP with octet-counted frames, and records that wait while
// the server is down. Skipped, with the reason printed, only where rsyslogd is not installed.
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyslogPolicy } from '../../common/settings/syslog.ts';
import { Journal } from '../../main/core/journal/index.ts';
import { Shipper } from '../../main/core/shipping/index.ts';
import { shippingStatus } from '../../main/core/shipping/status.ts';
import { makePki, Rsyslog, rsyslogMissing, type TestPki } from '../support/rsyslog.ts';
import { intent } from '../support/journal-records.ts';
import { shippingOn } from '../support/shipping-on.ts';
import { tempDir } from '../support/temp-dir.ts';

const missing = rsyslogMissing();
if (missing !== undefined) console.warn(`shipping-rsyslog: skipped: ${missing}`);

const INSTALL = 'a'.repeat(32);
const FAST = { idleMs: 50, confirmTimeoutMs: 2_000, backoff: { firstMs: 50, maxMs: 200 } };

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await delay(20);
  }
}

describe.skipIf(missing !== undefined)('shipping to a real rsyslogd', () => {
  let server: Rsyslog;
  let pki: TestPki;
  const root = tempDir('card-desk-rsyslog-');

  beforeAll(async () => {
    pki = makePki(join(root, 'pki'));
    server = await Rsyslog.start(join(root, 'server'), pki);
  });
  afterAll(async () => {
    await server.stop();
  });

  function folderWith(records: number): string {
    const dir = tempDir();
    shippingOn(dir);
    const journal = Journal.open(dir);
    for (let i = 0; i < records; i++)
      journal.recordAudit({
        key: `${dir}-${String(i)}`,
        at: 1000 + i,
        action: 'secret.set',
        profileId: 'p1',
        details: {},
      });
    journal.close();
    return dir;
  }

  it('delivers over TLS, verifying the server against the policy CA, with ids, kinds and fields', async () => {
    const dir = folderWith(3);
    const journal = Journal.open(dir);
    journal.recordIntent(intent('req-1', 5000, { profileId: 'p1' }));
    journal.recordOutcome({ key: 'req-1', at: 6000, state: 'done' });
    journal.close();
    const policy: SyslogPolicy = { host: '127.0.0.1', port: server.tlsPort, transport: 'tls', caFile: pki.caFile };
    const shipper = new Shipper({ ...FAST, dataDir: dir, installId: INSTALL, policy: () => policy });
    shipper.start();
    await until(() => shippingStatus(dir, policy).pending === 0);
    await shipper.close();
    const mine = server
      .received()
      .filter((m) => m.params.id?.startsWith(INSTALL) === true && m.params.ref !== undefined);
    const ours = mine.filter(
      (m) => m.params.ref?.startsWith('audit/' + dir) === true || m.params.requestId === 'req-1',
    );
    expect(ours.map((m) => m.msgId)).toEqual(['audit', 'audit', 'audit', 'outcome']);
    expect(ours[3]?.params).toMatchObject({ op: 'card.block', state: 'done', requestId: 'req-1', profile: 'p1' });
    expect(ours[0]?.params).toMatchObject({ action: 'secret.set', profile: 'p1', id: `${INSTALL}-1`, seq: '1' });
    expect(shippingStatus(dir, policy)).toMatchObject({ pending: 0, lastError: null, behind: false });
  });

  it('refuses a server whose certificate another CA signed: nothing is sent, the records wait', async () => {
    const dir = folderWith(2);
    const before = server.raw().length;
    const policy: SyslogPolicy = { host: '127.0.0.1', port: server.tlsPort, transport: 'tls', caFile: pki.otherCaFile };
    const shipper = new Shipper({ ...FAST, dataDir: dir, installId: INSTALL, policy: () => policy });
    shipper.start();
    await until(() => shippingStatus(dir, policy).lastError !== null);
    await shipper.close();
    expect(shippingStatus(dir, policy)).toMatchObject({ pending: 2, configured: true });
    expect(shippingStatus(dir, policy).lastError).toMatch(/UNABLE_TO_VERIFY|SELF_SIGNED|certificate/i);
    await delay(100);
    expect(server.raw().length).toBe(before);
  });

  it('delivers over plain TCP; records wait while the server is down and go out in order when it is back', async () => {
    const dir = folderWith(5);
    const policy: SyslogPolicy = { host: '127.0.0.1', port: server.tcpPort, transport: 'tcp' };
    await server.stop();
    const shipper = new Shipper({ ...FAST, dataDir: dir, installId: 'b'.repeat(32), policy: () => policy });
    shipper.start();
    await until(() => shippingStatus(dir, policy).lastError !== null);
    expect(shippingStatus(dir, policy).pending).toBe(5);
    await server.start();
    await until(() => shippingStatus(dir, policy).pending === 0);
    await shipper.close();
    // At least once: a batch whose confirmation was lost goes again, and the receiver drops it by id.
    const seqs = server
      .received()
      .filter((m) => m.params.id?.startsWith('b'.repeat(32)) === true)
      .map((m) => Number(m.params.seq));
    expect([...new Set(seqs)]).toEqual([1, 2, 3, 4, 5]);
  });

  it('ships nothing without a policy: the records wait', async () => {
    const dir = folderWith(2);
    const shipper = new Shipper({ ...FAST, dataDir: dir, installId: INSTALL, policy: () => undefined });
    shipper.start();
    await delay(200);
    await shipper.close();
    expect(shippingStatus(dir, undefined)).toMatchObject({ configured: false, pending: 2, behind: false });
  });
});

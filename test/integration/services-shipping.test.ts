// The services ship while they run (docs/architecture.md, "Shipping to the log server"): with a policy naming a
// syslog server, what an operator does reaches it with no other step, and audit.status says nothing waits.
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../main/core/services/index.ts';
import { parseProvisioning } from '../../main/core/settings/provisioning.ts';
import { signInAdmin } from '../support/sign-in.ts';
import { openTestDesk, TEST_APP_INFO } from '../support/test-desk.ts';

const FAST = { idleMs: 50, confirmTimeoutMs: 2_000, backoff: { firstMs: 50, maxMs: 200 } };
let received = '';
const sockets = new Set<Socket>();
// A collector that confirms a batch as rsyslog does over TCP: it closes its side once ours is closed.
const collector = createServer((socket) => {
  sockets.add(socket);
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
  socket.on('end', () => socket.end());
  socket.on('close', () => sockets.delete(socket));
});
let services: Services | undefined;

afterAll(async () => {
  await services?.close();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => collector.close(resolve));
});

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the services and the log server', () => {
  it('ship an operator’s audited action to the policy’s server while they run', async () => {
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const { port } = collector.address() as AddressInfo;
    const desk = openTestDesk();
    const syslog = { host: '127.0.0.1', port, transport: 'tcp' };
    desk.applyProvisioning(parseProvisioning(JSON.stringify({ version: 1, policy: { syslog } }), 'syslog.json'));
    services = createServices({ desk, appInfo: TEST_APP_INFO, report: () => undefined, shipping: FAST });
    await signInAdmin(services);
    const added = await services.dispatch('operators.add', {
      operatorId: 'aigul',
      name: 'Aigul',
      roles: ['teller'],
      secret: '73159264',
    });
    expect(added.ok).toBe(true);

    await until(() => received.includes('operator.add') && received.includes('"aigul"'));
    // RFC 5424 with octet-counted framing: "<length> <PRI>1 …".
    expect(received).toMatch(/^\d+ <\d+>1 /);
    const pending = async () => {
      const reply = await services?.dispatch('audit.status', {});
      return reply?.ok === true ? (reply.value as { shipping: { pending: number } }).shipping.pending : -1;
    };
    const deadline = Date.now() + 15_000;
    while ((await pending()) !== 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await services.dispatch('audit.status', {})).toMatchObject({
      ok: true,
      value: { shipping: { configured: true, pending: 0, lastError: null, behind: false } },
    });
  });
});

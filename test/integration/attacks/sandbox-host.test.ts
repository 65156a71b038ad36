// Attacks on the sandbox's test routes (docs/card-api.md, the sandbox): /_sandbox/* needs no signature, so a web
// page must not reach it. Through DNS rebinding (evil.example resolving to 127.0.0.1) the browser sends the page's
// own name as Host; from a plain cross-site form or fetch it sends the page's Origin. Either way the request is
// refused and changes nothing, and no one-time code leaves the outbox.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index.ts';
import { attack } from '../../support/attack.ts';
import { MERCHANT } from '../sandbox-helpers.ts';

let sandbox: RunningSandbox;
let port: number;
const FAULTS = { next: [{ op: 'card.info', kind: 'http_500', count: 1 }] };

beforeAll(async () => {
  sandbox = await startSandbox({ merchants: [MERCHANT], asyncMs: 0 });
  port = Number(new URL(sandbox.url).port);
});
afterAll(async () => {
  await sandbox.close();
});

function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const own = () => ({ Host: `127.0.0.1:${String(port)}` });
const faultsNow = async () => (await send('GET', '/_sandbox/faults', own())).text;

describe('the sandbox test routes under attack', () => {
  it('a rebound page (Host: evil.example) cannot set, clear or read faults, nor read the outbox', () =>
    attack('sandbox: /_sandbox routes through DNS rebinding', async () => {
      const before = await faultsNow();
      const evil = { Host: `evil.example:${String(port)}`, 'Content-Type': 'text/plain' };
      const set = await send('POST', '/_sandbox/faults', evil, JSON.stringify(FAULTS));
      expect(set.status).toBe(403);
      expect(await faultsNow()).toBe(before);

      expect((await send('POST', '/_sandbox/faults', own(), JSON.stringify(FAULTS))).status).toBe(200);
      const armed = await faultsNow();
      expect((await send('DELETE', '/_sandbox/faults', evil)).status).toBe(403);
      expect(await faultsNow()).toBe(armed);
      expect((await send('GET', '/_sandbox/faults', evil)).status).toBe(403);
      const outbox = await send('GET', '/_sandbox/outbox', { Host: 'evil.example' });
      expect(outbox.status).toBe(403);
      expect(outbox.text).not.toMatch(/"code"/);
      expect((await send('DELETE', '/_sandbox/faults', own())).status).toBe(200);
    }));

  it('a cross-site request (Origin: https://evil.example) cannot change the faults', () =>
    attack('sandbox: /_sandbox routes from a cross-site page', async () => {
      const before = await faultsNow();
      const crossSite = { ...own(), Origin: 'https://evil.example', 'Content-Type': 'text/plain' };
      expect((await send('POST', '/_sandbox/faults', crossSite, JSON.stringify(FAULTS))).status).toBe(403);
      expect(await faultsNow()).toBe(before);
    }));

  it('answers at its own loopback names: 127.0.0.1, localhost, and a loopback Origin', async () => {
    expect((await send('GET', '/_sandbox/health', own())).status).toBe(200);
    expect((await send('GET', '/_sandbox/health', { Host: `localhost:${String(port)}` })).status).toBe(200);
    const fromLoopback = { ...own(), Origin: `http://127.0.0.1:${String(port)}` };
    expect((await send('GET', '/_sandbox/health', fromLoopback)).status).toBe(200);
  });
});

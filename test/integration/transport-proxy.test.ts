// HTTPS_PROXY / HTTP_PROXY / NO_PROXY are honoured for remote servers; loopback always goes direct.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange } from '../../main/core/card-api/transport.ts';

let proxy: Server;
let seen: { method: string | undefined; url: string | undefined; requestId: string | string[] | undefined }[];

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve((server.address() as AddressInfo).port);
    });
  });
}

beforeAll(async () => {
  seen = [];
  // A forward proxy that answers for the origin itself, as a corporate proxy would relay it.
  proxy = createServer((req: IncomingMessage, res) => {
    seen.push({ method: req.method, url: req.url, requestId: req.headers['request-id'] });
    req.resume();
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok","request_status":"success"}');
  });
  const port = await listen(proxy);
  // Read by the transport's proxy dispatcher when it is first created, in this test file's own process.
  process.env.HTTP_PROXY = `http://127.0.0.1:${String(port)}`;
  process.env.NO_PROXY = 'direct.card-api.invalid';
});
afterAll(() => {
  proxy.close();
  delete process.env.HTTP_PROXY;
  delete process.env.NO_PROXY;
});

const send = (url: string) =>
  exchange({ url: new URL(url), headers: { 'Request-Id': 'r-1' }, body: Buffer.from('{}'), deadlineMs: 2_000 });

describe('proxy', () => {
  it('sends a remote request through the proxy with its absolute URL', async () => {
    const result = await send('http://api.card-api.invalid/v5/card-api/card/info');
    expect(result).toMatchObject({ kind: 'answered', status: 200 });
    expect(seen).toContainEqual({
      method: 'POST',
      url: 'http://api.card-api.invalid/v5/card-api/card/info',
      requestId: 'r-1',
    });
  });

  it('goes direct for NO_PROXY hosts (which then do not resolve: never sent)', async () => {
    const before = seen.length;
    const result = await send('http://direct.card-api.invalid/v5/card-api/card/info');
    expect(result.kind).toBe('not-sent');
    expect(seen.length).toBe(before);
  });

  it('goes direct for loopback even with a proxy set', async () => {
    const before = seen.length;
    const result = await send('http://127.0.0.1:9/v5/card-api/card/info');
    expect(result).toMatchObject({ kind: 'not-sent', reason: 'ECONNREFUSED' });
    expect(seen.length).toBe(before);
  });
});

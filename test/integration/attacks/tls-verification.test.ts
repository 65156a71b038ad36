// Attack: NODE_TLS_REJECT_UNAUTHORIZED=0 in Card Desk's environment (a launcher, a shell profile, malware) would
// switch off certificate checks for every TLS connection Node makes by default, so that anyone on the path could
// pose as the bank. The Card API client's agents ask for verification themselves, direct and through a proxy:
// a server with a certificate nobody vouches for gets no request.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange } from '../../../main/core/card-api/transport.ts';
import { attack } from '../../support/attack.ts';

const TLS = join(import.meta.dirname, 'tls');
/** Requests that reached the bank's handler: each one is a request sent to an impostor. */
let reached = 0;
let bank: Server;
let proxy: Server;
let tunnels = 0;

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve((server.address() as AddressInfo).port);
    });
  });
}

beforeAll(async () => {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  // A self-signed certificate for 127.0.0.1, localhost and bank.card-api.invalid: only its issuer is wrong.
  bank = createHttpsServer(
    { key: readFileSync(join(TLS, 'self-signed.key')), cert: readFileSync(join(TLS, 'self-signed.crt')) },
    (req, res) => {
      reached++;
      req.resume();
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok","request_status":"success"}');
    },
  );
  const bankPort = await listen(bank);
  // A forward proxy that tunnels CONNECT to the impostor, whatever host was asked for.
  proxy = createHttpServer();
  proxy.on('connect', (_req, socket, head) => {
    tunnels++;
    const upstream = connect(bankPort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  const proxyPort = await listen(proxy);
  // Read by the transport's proxy dispatcher when it is first created, in this test file's own process.
  process.env.HTTPS_PROXY = `http://127.0.0.1:${String(proxyPort)}`;
  // 0.0.0.0 reaches this machine without counting as loopback: the proxy dispatcher's direct way.
  process.env.NO_PROXY = '0.0.0.0';
  process.env.BANK_PORT = String(bankPort);
});

afterAll(() => {
  bank.close();
  proxy.close();
  delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  delete process.env.HTTPS_PROXY;
  delete process.env.NO_PROXY;
});

const send = (url: string) =>
  exchange({ url: new URL(url), headers: { 'Request-Id': 'r-1' }, body: Buffer.from('{}'), deadlineMs: 5_000 });

describe('TLS verification with NODE_TLS_REJECT_UNAUTHORIZED=0', () => {
  it('a direct call to a self-signed server fails in TLS and sends nothing', () =>
    attack('card api: self-signed bank with NODE_TLS_REJECT_UNAUTHORIZED=0, direct', async () => {
      const before = reached;
      const result = await send(`https://127.0.0.1:${String(process.env.BANK_PORT)}/v5/card-api/card/info`);
      expect(result).toEqual({ kind: 'not-sent', reason: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      expect(reached).toBe(before);
    }));

  it('a call through the proxy to a self-signed server fails in TLS and sends nothing', () =>
    attack('card api: self-signed bank with NODE_TLS_REJECT_UNAUTHORIZED=0, through a proxy', async () => {
      const before = reached;
      const result = await send(`https://bank.card-api.invalid:${String(process.env.BANK_PORT)}/v5/card-api/card/info`);
      expect(tunnels).toBeGreaterThan(0);
      expect(result).toEqual({ kind: 'not-sent', reason: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      expect(reached).toBe(before);
    }));

  it('a call to a NO_PROXY host with a self-signed certificate fails in TLS and sends nothing', () =>
    attack('card api: self-signed bank with NODE_TLS_REJECT_UNAUTHORIZED=0, under NO_PROXY', async () => {
      const before = { reached, tunnels };
      const result = await send(`https://0.0.0.0:${String(process.env.BANK_PORT)}/v5/card-api/card/info`);
      expect(result).toEqual({ kind: 'not-sent', reason: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      expect({ reached, tunnels }).toEqual(before);
    }));
});

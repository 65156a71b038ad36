// A write whose first copy is lost past the deadline and reaches the bank late: Request status does not know
// it yet, the client re-sends the same bytes, and the bank refuses the copy as a repeat. The gift API says so
// with its generic status -1, so the refusal must not be taken as the write's outcome: Request status tells
// the truth (it had happened). Seen on a loaded machine as gift writes reported failed that were done.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CardApiClient } from '../../main/core/card-api/client.ts';
import { Journal } from '../../main/core/journal/index.ts';
import { InMemorySecret } from '../../main/core/vault/in-memory-secret.ts';
import { tempDir } from '../support/temp-dir.ts';

type Script = (path: string, body: Record<string, unknown>, seen: number) => object | 'hang';

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

async function bank(script: Script): Promise<string> {
  const counts = new Map<string, number>();
  const listening = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      const seen = (counts.get(path) ?? 0) + 1;
      counts.set(path, seen);
      const answer = script(path, JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>, seen);
      if (answer === 'hang') return; // the answer is lost: the client's deadline passes
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(answer));
    });
  });
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${String((listening.address() as AddressInfo).port)}`;
}

function client(baseUrl: string) {
  return new CardApiClient({
    connection: { baseUrl, merchantId: 1, scheme: 'sha256-body' },
    secrets: new InMemorySecret('s'),
    journal: Journal.open(tempDir('card-desk-late-copy-')),
    deadlineMs: 200,
    sleep: () => Promise.resolve(),
  });
}

const NOT_FOUND = { status: 'error', error_code: 'request_not_found', error_description: 'no such request' };

describe('a re-sent copy refused because the first one arrived late', () => {
  it('a gift write refused with -1 takes its outcome from Request status', async () => {
    const url = await bank((path, _body, seen) => {
      if (path === '/v5/cards/issue') return seen === 1 ? 'hang' : { status: -1, message: 'Request-Id already used' };
      // The first look finds nothing yet; by the time the copy was refused, the first one is recorded.
      if (seen === 1) return NOT_FOUND;
      return { status: 'ok', request_status: 'success' };
    });
    const outcome = await client(url).call('gift.issue', {
      cardholder_name: 'A B',
      phone: 77001112233,
      product_code: 1,
    });
    expect(outcome).toMatchObject({ kind: 'done' });
  });

  it('a refusal of a copy the bank never recorded stays the outcome', async () => {
    const url = await bank((path, _body, seen) => {
      if (path === '/v5/cards/issue') return seen === 1 ? 'hang' : { status: -4, message: 'product not found' };
      return NOT_FOUND;
    });
    const outcome = await client(url).call('gift.issue', {
      cardholder_name: 'A B',
      phone: 77001112233,
      product_code: 9,
    });
    expect(outcome).toMatchObject({ kind: 'failed', code: 'gift:-4' });
  });
});

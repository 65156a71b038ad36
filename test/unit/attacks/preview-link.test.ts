// Attacks on the preview's links (main/preview/credentials.ts): whoever reads the browser's history, sessions or
// tabs holds the link the preview printed. Its code must be spent once the page has used it, and no session
// token may be taken from a URL.
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../../main/preview/server.ts';
import { attack } from '../../support/attack.ts';
import { tempDir } from '../../support/temp-dir.ts';

let server: PreviewServer;
/** Every contract call that got through to the dispatcher. */
const dispatched: string[] = [];

beforeAll(async () => {
  const rendererDir = tempDir('card-desk-attack-renderer-');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Card Desk</title>');
  server = await startPreviewServer({
    port: 0,
    rendererDir,
    dispatch: (method) => {
      dispatched.push(method);
      return Promise.resolve({ ok: true, value: { name: 'Card Desk' } });
    },
    events: { on: () => () => undefined },
    report: () => undefined,
  });
});

afterAll(async () => {
  await server.close();
});

function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        // The event stream stays open: its status is all an attacker needs.
        if (res.headers['content-type']?.startsWith('text/event-stream') === true) {
          resolve({ status: res.statusCode ?? 0, text: '' });
          res.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function codeOf(link: string): string {
  return new URLSearchParams(new URL(link).hash.slice(1)).get('code') ?? '';
}

const exchange = (code: string) =>
  send('/auth/exchange', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code }),
  });

const call = (method: string, headers: Record<string, string>, query = '') =>
  send(`/api/${method}${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: '{}',
  });

/** The link, as the page uses it: its code traded for a session token. */
async function usedLink(): Promise<{ link: string; token: string }> {
  const link = server.newLink();
  const answer = await exchange(codeOf(link));
  expect(answer.status).toBe(200);
  const token = (JSON.parse(answer.text) as { value: { token: string } }).value.token;
  expect((await call('app.info', { 'X-Card-Desk-Token': token })).status).toBe(200);
  return { link, token };
}

describe('the preview link under attack', () => {
  it('replaying a used link from the browser history gets no session token', () =>
    attack('preview: replay a used link', async () => {
      const { link } = await usedLink();
      const replay = await exchange(codeOf(link));
      expect(replay.status).toBe(401);
      expect(replay.text).not.toContain('token"');
    }));

  it('the code of a link is no session token, used or not', () =>
    attack('preview: a link code as the session token', async () => {
      const before = dispatched.length;
      const { link } = await usedLink();
      const fresh = server.newLink();
      for (const code of [codeOf(link), codeOf(fresh)]) {
        expect((await call('app.info', { 'X-Card-Desk-Token': code })).status).toBe(401);
        expect((await send('/api/events', { headers: { 'X-Card-Desk-Token': code } })).status).toBe(401);
      }
      expect(dispatched.length).toBe(before + 1);
    }));

  it('a session token in a URL opens nothing: the event stream, a call, the page', () =>
    attack('preview: a session token in a URL', async () => {
      const { token } = await usedLink();
      const before = dispatched.length;
      const query = `?token=${encodeURIComponent(token)}`;
      expect((await send(`/api/events${query}`)).status).toBe(401);
      expect((await call('app.info', {}, query)).status).toBe(401);
      // The page itself is public; what matters is that the address hands nothing over to a script.
      const page = await send(`/${query}`);
      expect(page.text).not.toContain(token);
      expect(dispatched.length).toBe(before);
    }));

  it('racing one code from many clients: exactly one gets a session token', () =>
    attack('preview: race one code', async () => {
      const code = codeOf(server.newLink());
      const answers = await Promise.all(Array.from({ length: 20 }, () => exchange(code)));
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 401)).toHaveLength(19);
    }));
});

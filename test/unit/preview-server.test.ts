// The browser preview's server: the built renderer and the contract over loopback HTTP,
// against a real desk (openDesk: keychain or its memory fallback, the embedded sandbox) in a temp data folder.
import { request } from 'node:http';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProvisioning } from '../../main/core/settings/provisioning.ts';
import { startPreview, type Preview } from '../../main/preview/index.ts';
import { CONTENT_SECURITY_POLICY, MAX_BODY_BYTES } from '../../main/preview/server.ts';
import { tempDir } from '../support/temp-dir.ts';
import { signInAdmin } from '../support/sign-in.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const rendererDir = tempDir('card-desk-renderer-');
const dataDir = tempDir('card-desk-preview-');
let preview: Preview;
/** A session token, as the page gets it by trading a link's code. */
let token: string;

const TEST_PROFILE = JSON.stringify({
  version: 1,
  profiles: [
    {
      id: 'kz-test',
      name: 'Almaty test',
      region: 'KZ',
      environment: 'test',
      baseUrl: 'https://test-api.example.kz',
      merchantId: 7,
    },
  ],
});

beforeAll(async () => {
  await build({
    configFile: join(ROOT, 'vite.renderer.config.ts'),
    logLevel: 'silent',
    build: { outDir: rendererDir, emptyOutDir: true },
  });
  preview = await startPreview({ port: 0, dataDir, rendererDir });
  await signInAdmin(preview.services);
  token = await exchange(codeOf(preview.newLink()));
}, 60_000);

afterAll(async () => {
  await preview.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => unknown;
}

/** A raw HTTP request: exact path (no normalisation) and any Host/Origin header. */
function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: preview.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as unknown });
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

/** What the page does with a link's code: trades it for a session token. */
async function exchange(code: string): Promise<string> {
  const answer = await raw('/auth/exchange', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  const reply = answer.json() as { ok: boolean; value?: { token: string } };
  if (!reply.ok || reply.value === undefined) throw new Error(`exchange refused: ${answer.text}`);
  return reply.value.token;
}

function api(method: string, args: unknown = {}, headers: Record<string, string> = {}): Promise<Answer> {
  return raw(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Card-Desk-Token': token, ...headers },
    body: JSON.stringify(args),
  });
}

async function value<T>(method: string, args: unknown = {}): Promise<T> {
  const answer = await api(method, args);
  const reply = answer.json() as { ok: boolean; value?: T; error?: unknown };
  if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}

describe('the preview server', () => {
  it('makes links on 127.0.0.1 with a 32-byte base64url one-time code, traded for a token as long', async () => {
    const link = preview.newLink();
    const code = codeOf(link);
    expect(link).toBe(`http://127.0.0.1:${String(preview.port)}/#code=${code}`);
    expect(Buffer.from(code, 'base64url')).toHaveLength(32);
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(codeOf(preview.newLink())).not.toBe(code);
    const traded = await exchange(code);
    expect(Buffer.from(traded, 'base64url')).toHaveLength(32);
    expect(traded).not.toBe(token);
  });

  it('refuses a missing or wrong token with 401 and dispatches nothing', async () => {
    const lockWith = async (headers: Record<string, string>) => {
      const answer = await raw('/api/session.lock', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: '{}',
      });
      expect(answer.status).toBe(401);
      expect(answer.json()).toMatchObject({ ok: false, error: { code: 'preview_token_required' } });
    };
    // An operator is signed in (beforeAll), so a lock would really take effect if it were dispatched.
    await lockWith({});
    await lockWith({ 'X-Card-Desk-Token': 'wrong' });
    await lockWith({ 'X-Card-Desk-Token': `${token}x` });
    await lockWith({ 'X-Card-Desk-Token': token.slice(0, -1) });
    // The token goes in the header only.
    const viaQuery = await raw(`/api/session.lock?token=${token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(viaQuery.status).toBe(401);
    expect(preview.services.session.locked).toBe(false);
    expect((await raw('/api/events?token=nope')).status).toBe(401);
  });

  it('refuses another Origin and another Host with 403', async () => {
    const cross = await api('app.info', {}, { Origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
    expect(cross.json()).toMatchObject({ ok: false, error: { code: 'preview_origin_refused' } });
    const otherPort = await api('app.info', {}, { Origin: 'http://127.0.0.1:1' });
    expect(otherPort.status).toBe(403);
    const rebinding = await api('app.info', {}, { Host: `evil.example:${String(preview.port)}` });
    expect(rebinding.status).toBe(403);
    expect(rebinding.json()).toMatchObject({ ok: false, error: { code: 'preview_host_refused' } });
    expect((await raw('/', { headers: { Host: 'localhost' } })).status).toBe(403);
    const same = await api('app.info', {}, { Origin: preview.origin });
    expect(same.status).toBe(200);
  });

  it('answers app.info with transport preview', async () => {
    const answer = await api('app.info');
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.json()).toMatchObject({
      ok: true,
      value: { name: 'Card Desk', transport: 'preview', electron: null },
    });
  });

  it('refuses bad requests: unknown method, GET, wrong content type, bad JSON, bad arguments, > 41 MB', async () => {
    expect((await api('nope.nothing')).json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const get = await raw('/api/app.info', { headers: { 'X-Card-Desk-Token': token } });
    expect(get.status).toBe(405);
    const text = await api('app.info', {}, { 'Content-Type': 'text/plain' });
    expect(text.status).toBe(415);
    const badJson = await raw('/api/app.info', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Card-Desk-Token': token },
      body: '{nope',
    });
    expect(badJson.status).toBe(400);
    expect((await api('cards.info', { cardId: 42 })).json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_arguments' },
    });
    const big = await api('profiles.import', { fileName: 'x.json', content: 'x'.repeat(MAX_BODY_BYTES + 10) });
    expect(big.status).toBe(413);
    // The answer names the limit it enforces: the bulk file's 40 MB of base64 and the JSON around it.
    expect(MAX_BODY_BYTES).toBe(41 * 1024 * 1024);
    expect(big.json()).toMatchObject({
      error: { code: 'body_too_large', message: 'the request body is larger than 41 MB' },
    });
  });

  it('runs a card through the embedded sandbox: create, issue, info', async () => {
    const draft = {
      product_id: 2000,
      client: { phone: 77019998877, type: 1, resident: 1, first_name: 'Asel', last_name: 'Omarova' },
    };
    const created = await value<{ kind: string; result: { client_id: string } }>('clients.create', { draft });
    expect(created.kind).toBe('done');
    const issued = await value<{ kind: string; result: { cards: { card_id: string }[] } }>('cards.issue', {
      clientId: created.result.client_id,
    });
    expect(issued.kind).toBe('done');
    const cardId = issued.result.cards[0]?.card_id;
    expect(cardId).toBeDefined();
    const info = await value<{ kind: string; result: Record<string, unknown> }>('cards.info', { cardId });
    expect(info).toMatchObject({ kind: 'done', result: { card: { card_id: cardId } } });
    const test = await value('vault.testConnection', { profileId: 'sandbox' });
    expect(test).toEqual({ result: 'signature_accepted' });
  }, 30_000);

  it('shows and reaches sandbox profiles only', async () => {
    preview.services.desk.applyProvisioning(parseProvisioning(TEST_PROFILE, 'kz-test.json'));
    expect((await preview.services.desk.profiles()).map((p) => p.id)).toContain('kz-test');

    const listed = await value<{ id: string; environment: string }[]>('profiles.list');
    expect(listed.map((p) => p.id)).toEqual(['sandbox']);

    const refused = async (method: string, args: unknown) => {
      expect((await api(method, args)).json()).toMatchObject({ ok: false, error: { code: 'preview_sandbox_only' } });
    };
    await refused('profiles.switch', { profileId: 'kz-test' });
    await refused('vault.status', { profileId: 'kz-test' });
    await refused('vault.setSecret', { profileId: 'kz-test', secret: 'nope' });
    await refused('vault.testConnection', { profileId: 'kz-test' });
    await refused('profiles.remove', { profileId: 'kz-test', confirm: true });
    await refused('journal.search', { profileId: 'kz-test' });
    // Audited actions of other profiles stay out of the preview's audit view.
    preview.services.desk.audit('secret.set', { profileId: 'kz-test' });
    preview.services.desk.audit('secret.set', { profileId: 'sandbox' });
    const audit = await value<{ entries: { profileId: string | null }[] }>('journal.audit', { action: 'secret.set' });
    expect(audit.entries.map((e) => e.profileId)).toEqual(['sandbox']);
    await refused('profiles.import', { fileName: 'again.json', content: TEST_PROFILE });
    await refused('profiles.save', {
      profile: {
        id: 'kz-test',
        name: 'Now a sandbox?',
        region: 'sandbox',
        environment: 'sandbox',
        baseUrl: 'http://127.0.0.1:9/',
        merchantId: 7,
        scheme: 'sha256-body',
        allowedOperations: ['cards'],
      },
    });
    expect(preview.services.desk.activeProfileId()).toBe('sandbox');

    // Were the desk's active profile a test one (another process's doing), card operations are refused too.
    preview.services.desk.switchProfile('kz-test');
    try {
      await refused('cards.info', { cardId: '123456' });
    } finally {
      preview.services.desk.switchProfile('sandbox');
    }
  });

  it('switches a test profile away at start: the preview uses Sandbox', async () => {
    const dir = tempDir('card-desk-preview-active-');
    const first = await startPreview({ port: 0, dataDir: dir, rendererDir });
    first.services.desk.applyProvisioning(parseProvisioning(TEST_PROFILE, 'kz-test.json'));
    first.services.desk.switchProfile('kz-test');
    await first.close();
    const second = await startPreview({ port: 0, dataDir: dir, rendererDir });
    try {
      expect(second.services.desk.activeProfileId()).toBe('sandbox');
    } finally {
      await second.close();
    }
  });

  it('serves the built renderer with the strict CSP', async () => {
    const index = await raw('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(index.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(index.text)?.[1];
    expect(script).toBeDefined();
    const js = await raw(`/${script ?? ''}`);
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    const missing = await raw('/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses path traversal', async () => {
    for (const path of [
      '/../package.json',
      '/..%2fpackage.json',
      '/assets/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%5c..%5cpackage.json',
      '/index.html%00.js',
      '//etc/passwd',
    ]) {
      const answer = await raw(path);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.text, path).not.toMatch(/"name"|root:/);
    }
  });

  it('streams contract events over SSE', async () => {
    const received: { event: string; payload: unknown }[] = [];
    let buffer = '';
    const stream = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: preview.port,
        path: '/api/events',
        headers: { 'X-Card-Desk-Token': token },
      });
      req.on('response', resolve);
      req.on('error', reject);
      req.end();
    });
    expect(stream.statusCode).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const arrived = new Promise<void>((resolve) => {
      stream.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of frame.split('\n')) {
            if (line.startsWith('data: '))
              received.push(JSON.parse(line.slice(6)) as { event: string; payload: unknown });
          }
          if (received.some((r) => r.event === 'requests.changed')) resolve();
        }
      });
    });
    await value('profiles.switch', { profileId: 'sandbox' });
    await value('clients.create', {
      draft: {
        product_id: 2000,
        client: { phone: 77011112233, type: 1, resident: 1, first_name: 'A', last_name: 'B' },
      },
    });
    await arrived;
    stream.destroy();
    expect(received).toContainEqual({ event: 'profiles.switched', payload: { profileId: 'sandbox' } });
    expect(received.find((r) => r.event === 'requests.changed')?.payload).toMatchObject({ op: 'client.create' });
  });
});

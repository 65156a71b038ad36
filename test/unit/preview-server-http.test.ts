// The browser preview's server at its HTTP edge: one-time links and session tokens, Origin and Host checks, bad
// requests, the built renderer with its CSP, and path traversal. A real desk in a temp data folder
// (test/support/preview-http.ts); the renderer is built once for the file.
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Preview } from '../../main/preview/index.ts';
import { CONTENT_SECURITY_POLICY, MAX_BODY_BYTES } from '../../main/preview/server.ts';
import { codeOf, PreviewHttp } from '../support/preview-http.ts';
import { tempDir } from '../support/temp-dir.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let http: PreviewHttp;
let preview: Preview;
let token: string;
const raw = (...a: Parameters<PreviewHttp['raw']>) => http.raw(...a);
const api = (...a: Parameters<PreviewHttp['api']>) => http.api(...a);
const exchange = (code: string) => http.exchange(code);

beforeAll(async () => {
  const rendererDir = tempDir('card-desk-renderer-');
  await build({
    configFile: join(ROOT, 'vite.renderer.config.ts'),
    logLevel: 'silent',
    build: { outDir: rendererDir, emptyOutDir: true },
  });
  http = await PreviewHttp.start(tempDir('card-desk-preview-'), rendererDir);
  ({ preview, token } = http);
}, 60_000);

afterAll(async () => {
  await preview.close();
});

describe('the preview server at its HTTP edge', () => {
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
});

// The app:// protocol: only the app host, no traversal in any spelling, 404 otherwise, CSP on every answer.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  appResponse,
  CONTENT_SECURITY_POLICY,
  handleAppProtocol,
  mimeTypeOf,
  registerAppScheme,
  resolveAppPath,
} from '../../../main/shell/protocol.ts';
import { tempDir } from '../../support/temp-dir.ts';

const ROOT = '/srv/card-desk/dist/renderer';
const EXPECTED_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

describe('resolveAppPath', () => {
  it('maps app://card-desk paths below the renderer folder', () => {
    expect(resolveAppPath('app://card-desk/index.html', ROOT)).toEqual({ ok: true, file: `${ROOT}/index.html` });
    expect(resolveAppPath('app://card-desk/assets/main-1a2b.js?v=1#x', ROOT)).toEqual({
      ok: true,
      file: `${ROOT}/assets/main-1a2b.js`,
    });
    expect(resolveAppPath('app://card-desk/', ROOT)).toEqual({ ok: true, file: `${ROOT}/index.html` });
    expect(resolveAppPath('app://card-desk', ROOT)).toEqual({ ok: true, file: `${ROOT}/index.html` });
    expect(resolveAppPath('app://card-desk/fonts/Inter%20Regular.woff2', ROOT)).toEqual({
      ok: true,
      file: `${ROOT}/fonts/Inter Regular.woff2`,
    });
  });

  const traversal = [
    'app://card-desk/../../../etc/passwd',
    'app://card-desk/assets/../../secret.json',
    'app://card-desk/%2e%2e/%2e%2e/etc/passwd',
    'app://card-desk/%2E%2E/etc/passwd',
    'app://card-desk/.%2e/etc/passwd',
    'app://card-desk/..%2f..%2fetc%2fpasswd',
    'app://card-desk/..%5c..%5cwindows%5cwin.ini',
    'app://card-desk/..\\..\\windows\\win.ini',
    'app://card-desk/%252e%252e/etc/passwd',
    'app://card-desk/./index.html',
    'app://card-desk/%2fetc%2fpasswd',
    'app://card-desk//etc/passwd/%2f',
    'app://card-desk/C:%5cWindows%5cwin.ini',
    'app://card-desk/C:/Windows/win.ini',
    'app://card-desk/index.html%00.png',
    'app://card-desk/index.html\0.png',
    'app://card-desk/%E0%A4%A',
  ];
  for (const url of traversal) {
    it(`refuses ${JSON.stringify(url)}`, () => {
      const resolved = resolveAppPath(url, ROOT);
      expect(resolved.ok).toBe(false);
      if (!resolved.ok) expect(resolved.status).toBe(404);
    });
  }

  const foreign = [
    'app://evil/index.html',
    'app://card-desk.evil.com/index.html',
    'app://card-desk:8080/index.html',
    'app://user:pw@card-desk/index.html',
    'file:///srv/card-desk/dist/renderer/index.html',
    'https://card-desk/index.html',
    'http://127.0.0.1/index.html',
    'not a url',
  ];
  for (const url of foreign) {
    it(`refuses another origin: ${url}`, () => {
      expect(resolveAppPath(url, ROOT)).toMatchObject({ ok: false, status: 404 });
    });
  }
});

describe('mimeTypeOf', () => {
  it('answers correct types, octet-stream for the unknown', () => {
    expect(mimeTypeOf('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('a/b.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('x.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('x.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeOf('x.svg')).toBe('image/svg+xml');
    expect(mimeTypeOf('x.png')).toBe('image/png');
    expect(mimeTypeOf('x.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('x.json')).toBe('application/json; charset=utf-8');
    expect(mimeTypeOf('x.exe')).toBe('application/octet-stream');
    expect(mimeTypeOf('Makefile')).toBe('application/octet-stream');
  });
});

describe('appResponse', () => {
  let root: string;
  beforeAll(() => {
    const base = tempDir('card-desk-protocol-');
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Card Desk</title>');
    writeFileSync(join(root, 'assets', 'main.js'), 'console.log(1)');
    writeFileSync(join(base, 'outside.txt'), 'merchant secret');
    symlinkSync(join(base, 'outside.txt'), join(root, 'assets', 'link.txt'));
  });

  const expectSecurityHeaders = (response: Response) => {
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  };

  it('the CSP is exactly the strict policy, with no bypass privilege on the scheme', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|http:|https:/);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      bypassCSP: false,
    });
  });

  it('serves files with their MIME type and the security headers', async () => {
    const html = await appResponse({ url: 'app://card-desk/index.html', method: 'GET' }, root);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toContain('<title>Card Desk</title>');
    expectSecurityHeaders(html);
    const js = await appResponse({ url: 'app://card-desk/assets/main.js', method: 'GET' }, root);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expectSecurityHeaders(js);
    const head = await appResponse({ url: 'app://card-desk/', method: 'HEAD' }, root);
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  const refused: [string, string, number][] = [
    ['GET', 'app://card-desk/missing.js', 404],
    ['GET', 'app://card-desk/assets', 404],
    ['GET', 'app://card-desk/%2e%2e/outside.txt', 404],
    ['GET', 'app://card-desk/assets/link.txt', 404],
    ['GET', 'app://evil/index.html', 404],
    ['GET', 'file:///etc/passwd', 404],
    ['POST', 'app://card-desk/index.html', 405],
  ];
  for (const [method, url, status] of refused) {
    it(`${method} ${url} → ${String(status)} with the CSP, revealing nothing`, async () => {
      const response = await appResponse({ url, method }, root);
      expect(response.status).toBe(status);
      expectSecurityHeaders(response);
      const body = await response.text();
      expect(body).not.toContain('merchant secret');
      expect(body).not.toContain(root);
    });
  }

  it('registers app:// as privileged (before ready) and handles it from the renderer folder (after)', async () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: APP_SCHEME_PRIVILEGES }]);
    let handler: ((request: Request) => Promise<Response>) | undefined;
    handleAppProtocol(
      {
        handle: (scheme, h) => {
          expect(scheme).toBe('app');
          handler = h;
        },
      },
      root,
    );
    const response = await handler!(new Request('app://card-desk/index.html'));
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
  });
});

// The app:// scheme: the renderer is served from the built renderer folder, never from file://, and every
// answer carries a strict CSP (docs/architecture.md, security). The resolver and the responder are pure for tests.
import { readFile, realpath } from 'node:fs/promises';
import {
  realFileInside,
  resolveRendererPath,
  SECURITY_HEADERS,
  mimeTypeOf,
  type Resolved,
} from '../core/web/renderer-files.ts';

export { CONTENT_SECURITY_POLICY, mimeTypeOf, SECURITY_HEADERS, type Resolved } from '../core/web/renderer-files.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'card-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** standard + secure (a real origin, secure context), fetch allowed; never bypassCSP, no CORS, no service workers. */
export const APP_SCHEME_PRIVILEGES = Object.freeze({
  standard: true,
  secure: true,
  supportFetchAPI: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  corsEnabled: false,
  stream: false,
});

/** True for app://card-desk/… exactly: no other host, no port, no credentials. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Maps an app:// URL to a file below `root`, or refuses (see resolveRendererPath). */
export function resolveAppPath(url: string, root: string): Resolved {
  if (url.includes('\0') || /%00/i.test(url)) return { ok: false, status: 404, reason: 'NUL in the URL' };
  if (!isAppUrl(url)) return { ok: false, status: 404, reason: 'not the app origin' };
  const rawPath = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\\]*([^?#]*)/i.exec(url)?.[1] ?? '';
  return resolveRendererPath(rawPath, root);
}

export interface AppRequest {
  url: string;
  method: string;
}

export interface FileReader {
  realpath(path: string): Promise<string>;
  readFile(path: string): Promise<Uint8Array>;
}

const nodeFiles: FileReader = { realpath, readFile };

function answer(status: number, body: ConstructorParameters<typeof Response>[0], contentType: string): Response {
  return new Response(body, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': contentType } });
}

/** The app:// handler: GET/HEAD of files below `root` (symlinks leaving it refused); 404 for anything else. */
export async function appResponse(request: AppRequest, root: string, files: FileReader = nodeFiles): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return answer(405, 'method not allowed', 'text/plain; charset=utf-8');
  }
  const resolved = resolveAppPath(request.url, root);
  if (!resolved.ok) return answer(404, 'not found', 'text/plain; charset=utf-8');
  const realFile = await realFileInside(root, resolved.file, files);
  if (realFile === undefined) return answer(404, 'not found', 'text/plain; charset=utf-8');
  try {
    const body = await files.readFile(realFile);
    return answer(200, request.method === 'HEAD' ? null : new Uint8Array(body), mimeTypeOf(resolved.file));
  } catch {
    return answer(404, 'not found', 'text/plain; charset=utf-8');
  }
}

/** The parts of Electron's `protocol` module used here. */
export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: typeof APP_SCHEME_PRIVILEGES }[]): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/** Before app ready. */
export function registerAppScheme(protocol: Pick<ProtocolLike, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

/** After app ready. */
export function handleAppProtocol(protocol: Pick<ProtocolLike, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse({ url: request.url, method: request.method }, root));
}

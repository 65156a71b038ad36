// Serving the built renderer: the one CSP and header set, MIME types, and a traversal-safe resolver. Shared by
// the app:// protocol (main/shell) and the browser preview (main/preview), so both serve exactly alike.
import { realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every answer that serves the renderer, errors included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
});

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type Resolved = { ok: true; file: string } | { ok: false; status: 404; reason: string };

const refuse = (reason: string): Resolved => ({ ok: false, status: 404, reason });

/**
 * Maps a request path, as the client sent it (before URL normalisation removes `..`), to a file below `root`,
 * or refuses. Judged segment by segment after percent-decoding; `/` and `…/` mean index.html.
 */
export function resolveRendererPath(rawPath: string, root: string): Resolved {
  if (rawPath.includes('\0') || /%00/i.test(rawPath)) return refuse('NUL in the path');
  if (rawPath.includes('\\')) return refuse('backslash in the path');
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return refuse('malformed percent-encoding');
    }
    if (segment === '.' || segment === '..') return refuse('path traversal');
    if (/[\\/:\0]/.test(segment) || segment.includes('%')) return refuse('encoded separator, drive or nested encoding');
    if (isAbsolute(segment)) return refuse('absolute path');
    if (segment !== '') segments.push(segment);
  }
  if (segments.length === 0 || rawPath.endsWith('/')) segments.push('index.html');
  const base = resolve(root);
  const file = resolve(base, ...segments);
  const rel = relative(base, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return refuse('outside the renderer folder');
  return { ok: true, file };
}

/** The file's real path if it (after symlinks) is still below `root`; undefined otherwise or when missing. */
export async function realFileInside(
  root: string,
  file: string,
  fs: { realpath(path: string): Promise<string> } = { realpath },
): Promise<string | undefined> {
  try {
    const [realRoot, realFile] = await Promise.all([fs.realpath(resolve(root)), fs.realpath(file)]);
    return realFile.startsWith(realRoot + sep) ? realFile : undefined;
  } catch {
    return undefined;
  }
}

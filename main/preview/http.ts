// The preview server's HTTP answers and request bodies: JSON replies in the contract's shape, with the app's
// security headers, and bodies read up to a limit.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContractError } from '../../common/contract/index.ts';
import { SECURITY_HEADERS } from '../core/web/renderer-files.ts';

export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {},
): void {
  const error: ContractError = { code, message };
  sendJson(res, status, { ok: false, error }, extra);
}

/** The body, or HttpError 413 once it is longer than `maxBytes`. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, 'body_too_large', `the request body is larger than ${sizeOf(maxBytes)}`);
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > maxBytes) return Promise.reject(tooLarge());
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(tooLarge());
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      resolveBody(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** `41 MB` (binary megabytes, as the contract's limits count them) or `1024 bytes`. */
function sizeOf(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${String(mb)} MB` : `${String(bytes)} bytes`;
}

/** A JSON body (`application/json` only), or HttpError 415 / 400. */
export async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'unsupported_media_type', 'send application/json');
  const body = await readBody(req, maxBytes);
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'invalid_json', 'the request body is not JSON');
  }
}

// The preview's HTTP server (docs/architecture.md, the contract, "three transports"): the built renderer as static files and
// the contract as `POST /api/<method>` plus `GET /api/events` (Server-Sent Events), on 127.0.0.1 only.
// A printed link's one-time code is traded once at `POST /auth/exchange` for a session token (credentials.ts);
// every /api request carries a session token in its header, never in its URL. Host and Origin must be the
// server's own (DNS rebinding, cross-site requests); every answer carries the app's strict CSP.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENT_NAMES, type EventName, type EventPayloads } from '../../common/contract/index.ts';
import type { Dispatcher } from '../core/services/index.ts';
import { mimeTypeOf, realFileInside, resolveRendererPath, SECURITY_HEADERS } from '../core/web/renderer-files.ts';
import { PreviewCredentials } from './credentials.ts';
import { HttpError, readJson, sendError, sendJson } from './http.ts';

export { CONTENT_SECURITY_POLICY } from '../core/web/renderer-files.ts';

export const TOKEN_HEADER = 'x-card-desk-token';
export const EXCHANGE_PATH = '/auth/exchange';
/**
 * The contract's largest argument is bulk.validate's file as base64 (at most 40 MB, a 30 MB file), so the limit
 * is 41 MB and the 413 answer names it; smaller caps (profiles.import's 1 MB) are the contract's own.
 */
export const MAX_BODY_BYTES = 41 * 1024 * 1024;
const MAX_EXCHANGE_BYTES = 1024;
const HEARTBEAT_MS = 25_000;

export interface PreviewEvents {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

export interface PreviewServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  dispatch: Dispatcher;
  events: PreviewEvents;
  report: (error: unknown) => void;
  /** Called when a link's code has been traded, before the page gets its session token. */
  onLinkUsed?: () => void;
}

export interface PreviewServer {
  readonly origin: string;
  readonly port: number;
  /** A new link, `http://127.0.0.1:<port>/#code=<one-time code>`: it opens the preview once. */
  newLink(): string;
  close(): Promise<void>;
}

/** A request path (as sent, before normalisation) to a real file below `root`, or undefined. */
export async function resolveStatic(root: string, rawPath: string): Promise<string | undefined> {
  const resolved = resolveRendererPath(rawPath, root);
  if (!resolved.ok) return undefined;
  const real = await realFileInside(root, resolved.file);
  return real !== undefined && (await stat(real)).isFile() ? real : undefined;
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const credentials = new PreviewCredentials();
  const streams = new Set<ServerResponse>();
  let origin = '';
  let host = '';

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const sent = req.headers[TOKEN_HEADER];
    if (!credentials.accepts(typeof sent === 'string' ? sent : undefined)) {
      sendError(res, 401, 'preview_token_required', 'open the preview with the newest link it printed');
      return;
    }
    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') throw new HttpError(405, 'method_not_allowed', 'GET only');
      openEventStream(req, res);
      return;
    }
    if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'POST only');
    const method = url.pathname.slice('/api/'.length);
    const args = await readJson(req, MAX_BODY_BYTES);
    const reply = await options.dispatch(method, args);
    sendJson(res, !reply.ok && reply.error.code === 'unknown_method' ? 404 : 200, reply);
  }

  /** `{ code }` → `{ ok: true, value: { token } }` once per code; a spent or unknown code gets 401. */
  async function handleExchange(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'POST only');
    const body = await readJson(req, MAX_EXCHANGE_BYTES);
    const code = (body as { code?: unknown } | undefined)?.code;
    const token = typeof code === 'string' ? credentials.exchange(code) : undefined;
    if (token === undefined) {
      sendError(
        res,
        401,
        'preview_token_required',
        'this link was used already: open the newest link the preview printed',
      );
      return;
    }
    options.onLinkUsed?.();
    sendJson(res, 200, { ok: true, value: { token } });
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 2000\n: connected\n\n');
    const offs = EVENT_NAMES.map((event) =>
      options.events.on(event, (payload) => {
        res.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
      }),
    );
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    streams.add(res);
    const stop = () => {
      clearInterval(heartbeat);
      for (const off of offs) off();
      streams.delete(res);
    };
    req.on('close', stop);
    res.on('close', stop);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method_not_allowed', 'GET only');
    // The raw path, not url.pathname: URL parsing would quietly resolve `..` before it could be refused.
    const file = await resolveStatic(options.rendererDir, (req.url ?? '/').split(/[?#]/)[0] ?? '/');
    if (file === undefined) throw new HttpError(404, 'not_found', 'no such file');
    const info = await stat(file);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': mimeTypeOf(file),
      'Content-Length': String(info.size),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: a page of another site resolved to 127.0.0.1 still sends its own name as Host.
    if (req.headers.host !== host) {
      sendError(res, 403, 'preview_host_refused', 'the preview answers only at its own address');
      return;
    }
    const sentOrigin = req.headers.origin;
    if (sentOrigin !== undefined && sentOrigin !== origin) {
      sendError(res, 403, 'preview_origin_refused', 'requests from other origins are refused');
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === EXCHANGE_PATH) await handleExchange(req, res);
    else if (url.pathname === '/api' || url.pathname.startsWith('/api/')) await handleApi(req, res, url);
    else await handleStatic(req, res);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        // An oversized body is not read further: the connection closes once the answer is out.
        const tooLarge = error.status === 413;
        if (tooLarge) res.on('finish', () => req.socket.destroy());
        if (!res.headersSent)
          sendError(res, error.status, error.code, error.message, tooLarge ? { Connection: 'close' } : {});
        else res.destroy();
        return;
      }
      options.report(error);
      if (!res.headersSent) sendError(res, 500, 'internal_error', 'something went wrong in the Card Desk preview');
      else res.destroy();
    });
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 30_000;

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port, host: '127.0.0.1', exclusive: true }, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;

  let closing: Promise<void> | undefined;
  return {
    origin,
    port,
    newLink: () => `${origin}/#code=${credentials.newCode()}`,
    close: () =>
      (closing ??= new Promise<void>((resolveClose) => {
        for (const res of streams) res.end();
        streams.clear();
        server.close(() => {
          resolveClose();
        });
        server.closeIdleConnections();
        setTimeout(() => {
          server.closeAllConnections();
        }, 1_000).unref();
      })),
  };
}

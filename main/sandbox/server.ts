// HTTP on top of the engine: routing, body limits, the /_sandbox/* routes and fault injection.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { opIdForPath, type OpId } from '../../common/card-api/catalog/index.ts';
import { describeProblems, fieldProblems } from '../../common/card-api/validation.ts';
import { readBody } from './body.ts';
import type { Engine } from './engine.ts';
import { plainError } from './envelopes.ts';
import { BEFORE_COMMIT, faultConfigSchema, type Faults } from './faults.ts';
import { isLoopbackRequest } from './loopback.ts';
import { readOutbox } from './outbox.ts';

export interface ServerDeps {
  engine: Engine;
  faults: Faults;
  now: () => number;
  /** True once close() began: late requests are dropped instead of changing saved state. */
  closing: () => boolean;
  /** Counts API requests for stats(); the returned function is called when the request is over. */
  countRequest: () => () => void;
}

function send(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void {
  send(res, status, JSON.stringify(body), headers);
}

const PROXY_ERROR_PAGE =
  '<html><head><title>500 Internal Server Error</title></head><body><h1>500 Internal Server Error</h1></body></html>';

export function createSandboxServer(deps: ServerDeps): Server {
  const { engine, faults, now } = deps;
  const error = (
    res: ServerResponse,
    status: number,
    code: string,
    description: string,
    headers?: Record<string, string>,
  ): void => {
    sendJson(res, status, plainError(code, description, now()), headers);
  };

  async function api(op: OpId, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const over = deps.countRequest();
    try {
      await answer(op, path, req, res);
    } finally {
      over();
    }
  }

  async function answer(op: OpId, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    if (body.kind === 'aborted') return;
    if (body.kind === 'too_large') {
      if (body.drained) error(res, 413, 'payload_too_large', 'the body is larger than 4 MB', { Connection: 'close' });
      return;
    }
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    if (deps.closing()) return;

    const fault = faults.take(op);
    if (fault !== undefined && BEFORE_COMMIT.has(fault)) {
      // Nothing is recorded: not the request, not its Request-Id.
      if (fault === 'reset_before_commit') req.socket.destroy();
      else if (fault === 'http_429') error(res, 429, 'rate_limited', 'too many requests', { 'Retry-After': '1' });
      else send(res, 500, PROXY_ERROR_PAGE, { 'Content-Type': 'text/html' });
      return;
    }

    const text = JSON.stringify(engine.handle(op, path, req.headers, body.body));
    if (fault === 'timeout_after_commit') return; // never answer; the socket stays until the client or close() ends it
    if (fault === 'reset_after_commit') req.socket.destroy();
    else if (fault === 'malformed_json') send(res, 200, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
    else send(res, 200, text);
  }

  /** The /_sandbox/* routes: test hooks, never subject to faults or latency. */
  function sandboxAnswer(route: string, query: URLSearchParams, raw: Buffer): { status: number; body: unknown } {
    const problem = (description: string) => ({
      status: 400,
      body: plainError('validation_error', description, now()),
    });
    switch (route) {
      case 'GET /_sandbox/health':
        return { status: 200, body: { ok: true } };
      case 'GET /_sandbox/outbox': {
        const phone = query.get('phone') ?? undefined;
        if (phone !== undefined && !/^\d{1,20}$/.test(phone)) return problem('phone: digits only');
        return { status: 200, body: readOutbox(engine.state, phone) };
      }
      case 'GET /_sandbox/faults':
        return { status: 200, body: faults.describe() };
      case 'DELETE /_sandbox/faults':
        faults.clear();
        return { status: 200, body: { ok: true } };
      case 'POST /_sandbox/faults': {
        let json: unknown;
        try {
          json = JSON.parse(raw.toString('utf8'));
        } catch {
          return problem('body: not valid JSON');
        }
        const parsed = faultConfigSchema.safeParse(json);
        if (!parsed.success) return problem(describeProblems(fieldProblems(parsed.error)));
        faults.set(parsed.data);
        return { status: 200, body: { ok: true, faults: faults.describe() } };
      }
      default:
        return { status: 404, body: plainError('not_found', `no route ${route}`, now()) };
    }
  }

  async function sandboxRoute(
    path: string,
    query: URLSearchParams,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const body = await readBody(req);
    if (body.kind === 'aborted') return;
    if (body.kind === 'too_large') {
      if (body.drained) error(res, 413, 'payload_too_large', 'the body is larger than 4 MB', { Connection: 'close' });
      return;
    }
    const answer = sandboxAnswer(`${req.method ?? 'GET'} ${path}`, query, body.body);
    sendJson(res, answer.status, answer.body);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    } catch {
      error(res, 400, 'bad_request', 'unreadable request target');
      return;
    }
    engine.settleDue();
    if (url.pathname.startsWith('/_sandbox/')) {
      // No signature guards these routes: only this machine's own programs may use them, never a web page.
      if (!isLoopbackRequest(req.headers)) {
        req.resume();
        error(
          res,
          403,
          'forbidden',
          'the /_sandbox routes answer only requests to a loopback address, from no web page',
        );
        return;
      }
      await sandboxRoute(url.pathname, url.searchParams, req, res);
      return;
    }
    const op = opIdForPath(url.pathname);
    if (op === undefined) {
      req.resume();
      error(res, 404, 'not_found', `no route ${method} ${url.pathname}`);
      return;
    }
    if (method !== 'POST') {
      req.resume();
      error(res, 405, 'method_not_allowed', `${url.pathname} takes POST`, { Allow: 'POST' });
      return;
    }
    await api(op, url.pathname, req, res);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((cause: unknown) => {
      // Never crash on input: whatever went wrong becomes a JSON 500.
      const description = cause instanceof Error ? cause.message : 'unexpected failure';
      error(res, 500, 'internal_error', description);
    });
  });
  server.on('clientError', (_err: Error, socket: Socket) => {
    const text = JSON.stringify(plainError('bad_request', 'malformed HTTP request', now()));
    if (socket.writable) {
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${String(Buffer.byteLength(text))}\r\nConnection: close\r\n\r\n${text}`,
      );
    } else {
      socket.destroy();
    }
  });
  return server;
}

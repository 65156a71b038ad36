// One HTTP exchange on undici: send the given bytes, under a deadline, and say what is known about the result.
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';
import { isLoopbackHost } from '../../../common/card-api/loopback.ts';

export type Exchange =
  /** The server answered (any HTTP status). */
  | { kind: 'answered'; status: number; text: string; retryAfterMs: number | undefined }
  /** The request provably never reached the server (connection refused, DNS, TLS). */
  | { kind: 'not-sent'; reason: string }
  /** It may have reached the server: no answer within the deadline, or the connection broke. */
  | { kind: 'lost'; reason: string };

// Errors raised before a single byte of the request could be delivered.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

let direct: Agent | undefined;
let proxied: EnvHttpProxyAgent | undefined;

/**
 * Certificates are always verified, whatever NODE_TLS_REJECT_UNAUTHORIZED says: Node's default would follow that
 * variable, and `0` there would let anyone on the path pose as the bank.
 */
const VERIFIED = { rejectUnauthorized: true } as const;

/** Loopback goes direct; anything else honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY. */
export function dispatcherFor(url: URL): Dispatcher {
  if (isLoopbackHost(url.hostname)) return (direct ??= new Agent({ keepAliveTimeout: 10_000, connect: VERIFIED }));
  // `connect` is for hosts under NO_PROXY; `requestTls` for the bank through a proxy's tunnel; `proxyTls` for an
  // https:// proxy itself.
  return (proxied ??= new EnvHttpProxyAgent({ connect: VERIFIED, requestTls: VERIFIED, proxyTls: VERIFIED }));
}

/** The most specific error code along the cause chain (undici wraps socket errors). */
function errorCode(error: unknown): string | undefined {
  let found: string | undefined;
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (NOT_SENT_CODES.has(code)) return code;
    found ??= code;
  }
  return found;
}

function retryAfterMs(value: string | string[] | undefined): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 60) * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.min(date - Date.now(), 60_000));
}

/** Where exchanges go: worked out once per URL (a client keeps one per operation), not on every call. */
export interface Target {
  origin: string;
  path: string;
  dispatcher: Dispatcher;
}

export function targetOf(url: URL, dispatcher?: Dispatcher): Target {
  return { origin: url.origin, path: `${url.pathname}${url.search}`, dispatcher: dispatcher ?? dispatcherFor(url) };
}

export type ExchangeInput = {
  headers: Record<string, string>;
  body: Uint8Array;
  deadlineMs: number;
} & ({ target: Target } | { url: URL; dispatcher?: Dispatcher });

/** What went wrong, as Exchange says it. */
function failure(error: unknown): Exchange {
  const code = errorCode(error);
  const reason = code ?? (error instanceof Error ? error.message : 'unknown network error');
  return NOT_SENT_CODES.has(code ?? '') ? { kind: 'not-sent', reason } : { kind: 'lost', reason };
}

/** UTF-8 of the whole answer, a byte-order mark skipped (as undici's body.text() reads it). */
function textOf(chunks: Buffer[], size: number): string {
  const bytes = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
  const bom = bytes.length > 2 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return bytes.toString('utf8', bom ? 3 : 0);
}

/**
 * One POST through undici's dispatch handler: the answer collected into one buffer, with no response stream or
 * abort signal per call (they cost more CPU than the rest of the exchange). The deadline covers the whole
 * exchange, a wait for a free connection included: once it passes, the request is aborted wherever it is, and
 * one that had not started yet never starts.
 */
export function exchange(input: ExchangeInput): Promise<Exchange> {
  const { origin, path, dispatcher } = 'target' in input ? input.target : targetOf(input.url, input.dispatcher);
  const { deadlineMs } = input;
  return new Promise((resolve) => {
    let settled = false;
    let overdue = false;
    let controller: Dispatcher.DispatchController | undefined;
    let status = 0;
    let retryAfter: string | string[] | undefined;
    let chunks: Buffer[] = [];
    let size = 0;
    const settle = (result: Exchange): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      overdue = true;
      settle({ kind: 'lost', reason: `no answer within ${String(deadlineMs)} ms` }); // before the abort's own error
      controller?.abort(new Error('deadline'));
    }, deadlineMs);
    timer.unref(); // as AbortSignal.timeout: the exchange's socket, not its deadline, keeps the process alive
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart: (c) => {
        controller = c;
        if (overdue) c.abort(new Error('deadline'));
      },
      onResponseStart: (_c, statusCode, headers) => {
        // Called again after an informational (1xx) answer: the final one is what counts.
        status = statusCode;
        retryAfter = headers['retry-after'];
        chunks = [];
        size = 0;
      },
      onResponseData: (_c, chunk) => {
        chunks.push(chunk);
        size += chunk.length;
      },
      onResponseEnd: () => {
        settle({ kind: 'answered', status, text: textOf(chunks, size), retryAfterMs: retryAfterMs(retryAfter) });
      },
      onResponseError: (_c, error) => {
        settle(failure(error));
      },
    };
    try {
      dispatcher.dispatch({ origin, path, method: 'POST', headers: input.headers, body: input.body }, handler);
    } catch (error) {
      settle(failure(error));
    }
  });
}

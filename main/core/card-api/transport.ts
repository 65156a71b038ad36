// One HTTP exchange on undici: send the given bytes, under a deadline, and say what is known about the result.
import { Agent, EnvHttpProxyAgent, request, type Dispatcher } from 'undici';
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

export interface ExchangeInput {
  url: URL;
  headers: Record<string, string>;
  body: Uint8Array;
  deadlineMs: number;
  dispatcher?: Dispatcher;
}

export async function exchange(input: ExchangeInput): Promise<Exchange> {
  const signal = AbortSignal.timeout(input.deadlineMs);
  try {
    const response = await request(input.url, {
      method: 'POST',
      headers: input.headers,
      body: input.body,
      signal,
      dispatcher: input.dispatcher ?? dispatcherFor(input.url),
    });
    const text = await response.body.text();
    return {
      kind: 'answered',
      status: response.statusCode,
      text,
      retryAfterMs: retryAfterMs(response.headers['retry-after']),
    };
  } catch (error) {
    if (signal.aborted) return { kind: 'lost', reason: `no answer within ${String(input.deadlineMs)} ms` };
    const code = errorCode(error);
    const reason = code ?? (error instanceof Error ? error.message : 'unknown network error');
    return NOT_SENT_CODES.has(code ?? '') ? { kind: 'not-sent', reason } : { kind: 'lost', reason };
  }
}

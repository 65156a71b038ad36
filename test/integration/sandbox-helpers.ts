// Raw, hand-signed requests against a sandbox: tests see exactly the bytes and headers on the wire.
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import { carriesRequestId, fullPath, type OpId } from '../../common/card-api/catalog/index.ts';
import { jwsHs512Sign, sha256BodySign, type Scheme } from '../../main/core/card-api/signing.ts';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../main/sandbox/index.ts';

export const MERCHANT = { id: 5150, secret: 'sandbox-test-secret-Ж' };
/** A fixed start so that dates in answers are predictable. */
export const T0 = Date.parse('2026-03-15T10:00:00Z');

/** One connection per request: fault tests break sockets on purpose. */
const agent = new Agent({ pipelining: 0, keepAliveTimeout: 1 });

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The parsed body, or {} when it is not a JSON object. */
  body: Record<string, unknown>;
  requestId: string;
}

export interface CallOptions {
  scheme?: Scheme;
  /** null leaves the header out. */
  requestId?: string | null;
  merchantId?: number;
  secret?: string;
  /** Exact body bytes instead of JSON.stringify(body). */
  raw?: string | Buffer;
  /** Sign the JWS for this path instead of the one requested. */
  jwsPath?: string;
  /** Leave out every signing header. */
  unsigned?: boolean;
  signal?: AbortSignal;
}

export function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export function signHeaders(
  scheme: Scheme,
  path: string,
  merchantId: number,
  body: Buffer,
  secret: string,
): Record<string, string> {
  const key = Buffer.from(secret, 'utf8');
  return scheme === 'sha256-body'
    ? { 'Auth-Id': String(merchantId), Sign: sha256BodySign(body, key) }
    : { 'X-JWS-Signature': jwsHs512Sign(path, merchantId, body, key) };
}

export async function post(
  url: string,
  path: string,
  body: string | Buffer,
  headers: Record<string, string>,
  signal?: AbortSignal,
): Promise<Answer> {
  const response = await request(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    dispatcher: agent,
    ...(signal === undefined ? {} : { signal }),
  });
  const text = await response.body.text();
  return {
    status: response.statusCode,
    headers: response.headers,
    text,
    body: parseObject(text),
    requestId: headers['Request-Id'] ?? '',
  };
}

export async function get(url: string, path: string, method: 'GET' | 'DELETE' = 'GET'): Promise<Answer> {
  const response = await request(`${url}${path}`, { method, dispatcher: agent });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, text, body: parseObject(text), requestId: '' };
}

export class Api {
  readonly url: string;
  readonly merchant: { id: number; secret: string };
  readonly scheme: Scheme;

  constructor(url: string, merchant: { id: number; secret: string }, scheme: Scheme = 'sha256-body') {
    this.url = url;
    this.merchant = merchant;
    this.scheme = scheme;
  }

  /** One signed call; a body-keyed write gets `request_id` = the Request-Id, like the project's client. */
  call(op: OpId, body: Record<string, unknown>, options: CallOptions = {}): Promise<Answer> {
    const requestId = options.requestId === undefined ? randomUUID() : options.requestId;
    const full =
      carriesRequestId(op) && !('request_id' in body) && requestId !== null ? { request_id: requestId, ...body } : body;
    const raw = options.raw ?? JSON.stringify(full);
    const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    const path = fullPath(op);
    const headers: Record<string, string> = options.unsigned
      ? {}
      : signHeaders(
          options.scheme ?? this.scheme,
          options.jwsPath ?? path,
          options.merchantId ?? this.merchant.id,
          bytes,
          options.secret ?? this.merchant.secret,
        );
    if (requestId !== null) headers['Request-Id'] = requestId;
    return post(this.url, path, bytes, headers, options.signal);
  }

  /** request.status for a key. */
  status(key: string): Promise<Answer> {
    return this.call('request.status', { request_id: key });
  }

  /** A write that must be accepted; with asyncMs 0 it is also complete. Returns request.status fields. */
  async done(op: OpId, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const accepted = await this.call(op, body);
    if (accepted.body.status !== 'ok' && accepted.body.status !== 0) throw new Error(`${op} refused: ${accepted.text}`);
    return (await this.status(accepted.requestId)).body;
  }
}

export interface Fixture {
  sandbox: RunningSandbox;
  api: Api;
  jws: Api;
  clock: { now: number; advance(ms: number): void };
}

/** A sandbox on 127.0.0.1:0 with a hand-driven clock (async writes complete when the test says so). */
export async function startFixture(options: SandboxOptions = {}): Promise<Fixture> {
  const clock = {
    now: T0,
    advance(ms: number) {
      clock.now += ms;
    },
  };
  const sandbox = await startSandbox({ merchants: [MERCHANT], asyncMs: 0, now: () => clock.now, ...options });
  return { sandbox, api: new Api(sandbox.url, MERCHANT), jws: new Api(sandbox.url, MERCHANT, 'jws-hs512'), clock };
}

export const NEW_CLIENT = {
  product_id: 2000,
  client: { phone: 77011234567, type: 1, resident: 1, first_name: 'Aigerim', last_name: 'Nurlanova' },
};

/** A client with one card in `status` (asyncMs must be 0). */
export async function cardIn(
  api: Api,
  status: 'inactive' | 'active' | 'blocked' | 'closed',
): Promise<{ clientId: string; cardId: string }> {
  const clientId = (await api.done('client.create', NEW_CLIENT)).client_id as string;
  const cards = (await api.done('card.issue', { client_id: clientId })).cards as { card_id: string }[];
  const cardId = cards[0]?.card_id;
  if (cardId === undefined) throw new Error('no card issued');
  if (status !== 'inactive') await api.done('card.activate', { card_id: cardId });
  if (status === 'blocked') await api.done('card.block', { card_id: cardId, description: 'test' });
  if (status === 'closed') await api.done('card.close', { card_id: cardId, description: 'test' });
  return { clientId, cardId };
}

// Inputs and checks for fuzzing the sandbox's HTTP surface: random requests through undici, and raw
// bytes over a socket.
import { connect } from 'node:net';
import fc from 'fast-check';
import { Client } from 'undici';
import { z } from 'zod';
import { fullPath, OP_IDS, operations } from '../../common/card-api/catalog/index.ts';

export const API_PATHS = OP_IDS.map((id) => fullPath(id));
export const SANDBOX_PATHS = ['/_sandbox/health', '/_sandbox/outbox', '/_sandbox/faults', '/_sandbox/nope'];

export interface HttpInput {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  /** Sign the body for the path with the sandbox merchant's secret (gets past authentication). */
  sign: 'none' | 'sha256-body' | 'jws-hs512';
  requestId: string | null;
}

const TOKEN_CHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const tokenChar = fc.nat(TOKEN_CHARS.length - 1).map((i) => TOKEN_CHARS.charAt(i));
const token = fc.string({ unit: tokenChar, minLength: 1, maxLength: 24 });

const method = fc.oneof(
  { arbitrary: fc.constant('POST'), weight: 6 },
  { arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'post'), weight: 4 },
  { arbitrary: fc.constantFrom('PROPFIND', 'TRACE', 'BREW', 'M-SEARCH'), weight: 1 },
);

const path = fc.oneof(
  { arbitrary: fc.constantFrom(...API_PATHS), weight: 6 },
  { arbitrary: fc.constantFrom(...SANDBOX_PATHS), weight: 2 },
  { arbitrary: fc.webPath().map((p) => (p.startsWith('/') ? p : `/${p}`)), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...API_PATHS, ...SANDBOX_PATHS), fc.string({ unit: 'binary', maxLength: 40 }))
      .map(([p, s]) => `${p}${encodeURIComponent(s).replaceAll('%2F', '/')}`),
    weight: 1,
  },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...API_PATHS, '/_sandbox/outbox'), fc.webQueryParameters())
      .map(([p, q]) => `${p}?${q}`),
    weight: 1,
  },
  { arbitrary: fc.constantFrom('/', '//', '/%', '/%zz', '/..%2f..%2fetc/passwd', `/${'a'.repeat(9000)}`), weight: 1 },
);

const headerName = fc.oneof(
  fc.constantFrom(
    'content-type',
    'auth-id',
    'sign',
    'x-jws-signature',
    'request-id',
    'content-encoding',
    'accept',
    'cookie',
    'x-forwarded-for',
  ),
  token,
);

const headerValue = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), weight: 5 },
  {
    arbitrary: fc.string({ unit: fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)) }),
    weight: 1,
  },
  // Non-Latin text as it travels: its UTF-8 bytes (a header value HTTP cannot carry as characters).
  {
    arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }).map((t) => Buffer.from(t, 'utf8').toString('latin1')),
    weight: 1,
  },
  { arbitrary: fc.integer({ min: 1, max: 20_000 }).map((n) => 'v'.repeat(n)), weight: 1 },
  {
    arbitrary: fc.constantFrom('', ' ', '-1', '0', '99999999999999999999', 'application/json; charset=koi8-r'),
    weight: 1,
  },
);

const json = fc.json({ maxDepth: 4 });

/** Every top-level field name of every operation's request body. */
const BODY_KEYS = [
  ...new Set(
    OP_IDS.flatMap((id) => {
      const schema: unknown = operations[id].request;
      return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
    }),
  ),
];

/** Objects with real field names and arbitrary JSON values: past JSON.parse, into the schemas and handlers. */
const fieldsBody = fc
  .dictionary(fc.constantFrom(...BODY_KEYS), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.uuid(), fc.nat()), {
    maxKeys: 5,
  })
  .map((o) => JSON.stringify(o));

const body: fc.Arbitrary<Buffer> = fc.oneof(
  { arbitrary: fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)), weight: 2 },
  { arbitrary: json.map((s) => Buffer.from(s)), weight: 3 },
  { arbitrary: fieldsBody.map((s) => Buffer.from(s)), weight: 4 },
  {
    arbitrary: json.chain((s) => fc.nat(s.length).map((n) => Buffer.from(s.slice(0, n)))),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 50, max: 200_000 }), fc.constantFrom('[', '{"a":'))
      .map(([n, open]) => Buffer.from(`${open.repeat(n)}1${(open === '[' ? ']' : '}').repeat(n)}`)),
    weight: 1,
  },
  {
    arbitrary: fc
      .tuple(fc.constantFrom('card_id', 'request_id', 'client', 'phone'), fc.integer({ min: 1_000, max: 1_000_000 }))
      .map(([k, n]) => Buffer.from(JSON.stringify({ [k]: 'ж'.repeat(n) }))),
    weight: 1,
  },
  { arbitrary: fc.constantFrom(Buffer.alloc(0), Buffer.from('null'), Buffer.from('\uFEFF{}')), weight: 1 },
);

export const httpInput: fc.Arbitrary<HttpInput> = fc.record({
  method,
  path,
  headers: fc.dictionary(headerName, headerValue, { maxKeys: 5 }),
  body,
  sign: fc.constantFrom('none', 'none', 'sha256-body', 'jws-hs512'),
  requestId: fc.oneof(fc.uuid(), fc.constant(null), fc.string({ maxLength: 80 })),
});

// ---------------------------------------------------------------------------------------------- raw bytes

const version = fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1.x', 'HTTX/1.1', '');
const badHeaderLine = fc.oneof(
  fc.constantFrom(
    'Host',
    'Content-Length: -1',
    'Content-Length: abc',
    'Content-Length: 5\r\nContent-Length: 7',
    'Transfer-Encoding: chunked',
    'Transfer-Encoding: chunked\r\nContent-Length: 3',
    ' folded: continuation',
    'Bad Name: x',
    'X: \u0000',
    `X-Big: ${'b'.repeat(20_000)}`,
  ),
  fc.tuple(token, fc.string({ unit: 'binary', maxLength: 40 })).map(([n, v]) => `${n}: ${v}`),
);

/** Garbage and near-HTTP: a request line and headers with something wrong, and a body that does not fit. */
export const rawInput: fc.Arbitrary<Buffer> = fc.oneof(
  { arbitrary: fc.uint8Array({ minLength: 1, maxLength: 4096 }).map((b) => Buffer.from(b)), weight: 3 },
  {
    arbitrary: fc
      .record({
        method: fc.oneof(fc.constantFrom('GET', 'POST', 'G ET', 'PO\u0000ST'), token),
        target: fc.oneof(
          fc.constantFrom('/x-nope', '*', 'http://[::1', '/a b', '/\u0001', API_PATHS[0] ?? '/'),
          fc.string({ unit: 'binary', maxLength: 30 }),
        ),
        version,
        headers: fc.array(badHeaderLine, { maxLength: 4 }),
        body: fc.oneof(fc.constantFrom('', 'zz\r\n', '5\r\nab\r\n0\r\n\r\n', 'ffffffffffffffff\r\n'), fc.string()),
        eol: fc.constantFrom('\r\n', '\n', '\r'),
      })
      .map(({ method: m, target, version: v, headers, body: b, eol }) =>
        Buffer.from(`${m} ${target} ${v}${eol}${headers.map((h) => `${h}${eol}`).join('')}${eol}${b}`, 'latin1'),
      ),
    weight: 3,
  },
  {
    arbitrary: fc.tuple(fc.uint8Array({ maxLength: 64 }), fc.nat(40)).map(([noise, at]) => {
      const valid = Buffer.from('GET /x-nope HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n');
      const cut = at % valid.length;
      return Buffer.concat([valid.subarray(0, cut), Buffer.from(noise), valid.subarray(cut)]);
    }),
    weight: 2,
  },
);

export interface RawAnswer {
  /** Nothing came back before the server closed. */
  closed: boolean;
  /** The socket did neither within the time limit. */
  hung: boolean;
  status?: number;
  body?: string;
  /** The first answer's head and body as received. */
  text: string;
}

/** Writes `bytes`, half-closes, and collects whatever comes back until the server closes the socket. */
export function sendRaw(port: number, bytes: Buffer, timeoutMs = 3_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: '127.0.0.1', port });
    let done = false;
    const finish = (hung: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      resolve({ closed: text === '', hung, text, ...parseHead(text) });
    };
    const timer = setTimeout(() => {
      finish(true);
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => {
      finish(false);
    });
    socket.on('close', () => {
      finish(false);
    });
    socket.on('connect', () => {
      socket.end(bytes);
    });
  });
}

function parseHead(text: string): { status?: number; body?: string } {
  const match = /^HTTP\/1\.[01] (\d{3}) [^\r\n]*\r\n/.exec(text);
  if (!match) return {};
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return { status: Number(match[1]) };
  const head = text.slice(0, end);
  const length = /\r\ncontent-length: *(\d+)/i.exec(head);
  const rest = text.slice(end + 4);
  const body = length ? Buffer.from(rest, 'latin1').subarray(0, Number(length[1])).toString('utf8') : rest;
  return { status: Number(match[1]), body };
}

export type HttpResult =
  | { kind: 'answer'; status: number; text: string }
  /** The client would not send it (a header value HTTP cannot carry, a method token undici refuses). */
  | { kind: 'refused'; reason: string }
  /** Sent, and no answer: a reset, or nothing within the time limit. */
  | { kind: 'none'; reason: string };

/**
 * One request on its own connection (a shared pool can stall in undici after early answers to large bodies,
 * which says nothing about the server), given up after `timeoutMs`.
 */
export async function sendHttp(
  origin: string,
  input: { method: string; path: string; headers: Record<string, string>; body: Buffer },
  timeoutMs = 8_000,
): Promise<HttpResult> {
  const client = new Client(origin, { headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HttpResult>((resolve) => {
    timer = setTimeout(() => {
      resolve({ kind: 'none', reason: `no answer within ${String(timeoutMs)} ms` });
    }, timeoutMs);
  });
  const exchange = (async (): Promise<HttpResult> => {
    try {
      const response = await client.request(input);
      return { kind: 'answer', status: response.statusCode, text: await response.body.text() };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'UND_ERR_INVALID_ARG' || error instanceof TypeError)
        return { kind: 'refused', reason: String(error) };
      return { kind: 'none', reason: `${String(code)} ${String(error)}` };
    }
  })();
  try {
    return await Promise.race([exchange, timeout]);
  } finally {
    clearTimeout(timer);
    await client.destroy();
  }
}

// Fuzzing the sandbox's HTTP input: random requests through undici and raw malformed bytes over sockets. It
// answers JSON (4xx, or the API's error envelope), never 5xx, never hangs, and keeps serving valid signed
// requests afterwards. Every property has a fixed seed (fast-check prints seed and counterexample on failure).
// Records `inputsFuzzed` and `crashes` (a 5xx, a non-JSON answer, a hang, a server that stopped serving).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { operations, opIdForPath } from '../../common/card-api/catalog/index.ts';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/index.ts';
import { faultConfigSchema } from '../../main/sandbox/faults.ts';
import { Api, MERCHANT, NEW_CLIENT, signHeaders } from '../integration/sandbox-helpers.ts';
import { httpInput, rawInput, sendHttp, sendRaw, type HttpInput } from './fuzz-http.ts';
import { fail, isRecord, recordFuzzFigures, tally } from './fuzz-tally.ts';

/** One seed per property; a failure prints it with the counterexample (fc.assert). */
const SEED = { http: 0x7_0002, raw: 0x7_0003 };

const T = { http: tally(), raw: tally() };
const detail = { http: 'sandbox HTTP requests: not run', raw: 'sandbox raw sockets: not run' };

afterAll(() => {
  recordFuzzFigures('fuzz-sandbox-http', [T.http, T.raw], [detail.http, detail.raw]);
});

/** Whether a 200 is a legitimate answer to this input (a sandbox route used correctly). */
function legitimateOk(input: HttpInput, pathname: string, query: URLSearchParams): boolean {
  const m = input.method.toUpperCase();
  if (m === 'GET' && pathname === '/_sandbox/health') return true;
  if (m === 'GET' && pathname === '/_sandbox/outbox') return /^\d{1,20}$/.test(query.get('phone') ?? '0');
  if ((m === 'GET' || m === 'DELETE') && pathname === '/_sandbox/faults') return true;
  if (m === 'POST' && pathname === '/_sandbox/faults') {
    try {
      return faultConfigSchema.safeParse(JSON.parse(input.body.toString('utf8'))).success;
    } catch {
      return false;
    }
  }
  return false;
}

/** A Card API (`status: "error"`) or gift API (non-zero `status`) error envelope. */
function errorEnvelope(body: Record<string, unknown>, api: 'card' | 'gift'): boolean {
  return api === 'card'
    ? body.status === 'error' && typeof body.error_code === 'string'
    : typeof body.status === 'number' && body.status !== 0 && typeof body.message === 'string';
}

describe('fuzz: the sandbox HTTP server', () => {
  let sandbox: RunningSandbox | undefined;
  const http = {
    refusedByClient: 0,
    refusals: new Set<string>(),
    byStatus: new Map<number, number>(),
    signedOk: 0,
    apiCodes: new Set<string>(),
  };
  const raw = { answered: 0, closed: 0, byStatus: new Map<number, number>() };

  afterAll(async () => {
    await sandbox?.close();
  });

  it('answers JSON to random methods, paths, headers and bodies', async () => {
    const running = await startSandbox({ merchants: [MERCHANT], asyncMs: 0 });
    sandbox = running;
    await fc.assert(
      fc.asyncProperty(httpInput, async (input) => {
        T.http.inputs++;
        // Read the target as the server does (an unreadable one, e.g. `//`, is its 400).
        const url = URL.parse(input.path, 'http://sandbox.invalid') ?? new URL('http://sandbox.invalid/(unreadable)');
        const op = opIdForPath(url.pathname);
        const headers: Record<string, string> = { ...input.headers };
        if (input.sign !== 'none') {
          Object.assign(headers, signHeaders(input.sign, url.pathname, MERCHANT.id, input.body, MERCHANT.secret));
        }
        if (input.requestId !== null) headers['Request-Id'] = input.requestId;
        const result = await sendHttp(running.url, {
          method: input.method,
          path: input.path,
          headers,
          body: input.body,
        });
        if (result.kind === 'refused') {
          http.refusedByClient++;
          http.refusals.add(result.reason.replace(/^\w*Error: /, '').slice(0, 40));
          return;
        }
        if (result.kind === 'none') {
          fail(T.http, true, [`no answer: ${result.reason}`]);
          return;
        }
        const { status, text } = result;
        http.byStatus.set(status, (http.byStatus.get(status) ?? 0) + 1);
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          fail(T.http, true, [`HTTP ${String(status)} answer is not JSON: ${text.slice(0, 200)}`]);
        }
        if (status >= 500) fail(T.http, true, [`HTTP ${String(status)}: ${text.slice(0, 200)}`]);
        if (legitimateOk(input, url.pathname, url.searchParams) && status === 200) {
          if (url.pathname === '/_sandbox/faults') running.clearFaults();
          return; // (the outbox is a JSON array)
        }
        if (!isRecord(body))
          fail(T.http, true, [`HTTP ${String(status)} answer is not a JSON object: ${text.slice(0, 200)}`]);
        const answer = body as Record<string, unknown>;
        const problems: string[] = [];
        if (op !== undefined && input.method.toUpperCase() === 'POST' && status === 200) {
          // The Card API answers business refusals with HTTP 200 and an error body (docs/card-api.md, transport, "status" field).
          const api = operations[op].api;
          const code = answer.error_code ?? answer.status;
          if (typeof code === 'string' || typeof code === 'number') http.apiCodes.add(String(code));
          if (!errorEnvelope(answer, api)) {
            let schemaValid = false;
            try {
              schemaValid = operations[op].request.safeParse(JSON.parse(input.body.toString('utf8'))).success;
            } catch {
              schemaValid = false;
            }
            if (input.sign !== 'none' && schemaValid) http.signedOk++;
            else problems.push(`accepted an invalid request: ${text.slice(0, 200)}`);
          }
        } else if (status < 400 || typeof answer.error_code !== 'string') {
          problems.push(`HTTP ${String(status)} for invalid input: ${text.slice(0, 200)}`);
        }
        fail(T.http, false, problems);
      }),
      { seed: SEED.http, numRuns: 700 },
    );
    const statuses = [...http.byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${String(s)}×${String(n)}`);
    detail.http =
      `sandbox HTTP requests: ${String(T.http.inputs)} random requests (${String(http.refusedByClient)} refused by undici before sending` +
      `${http.refusals.size > 0 ? `: ${[...http.refusals].join(' | ')}` : ''}), ` +
      `answers ${statuses.join(' ')}, API refusals ${[...http.apiCodes].sort().join(' ')}, ` +
      `${String(http.signedOk)} signed valid bodies accepted, ${String(T.http.crashes)} crashes`;
  });

  it('answers 400 or closes on raw malformed HTTP', async () => {
    const running = sandbox;
    if (running === undefined) throw new Error('the sandbox did not start');
    await fc.assert(
      fc.asyncProperty(rawInput, async (bytes) => {
        T.raw.inputs++;
        const answer = await sendRaw(running.port, bytes);
        if (answer.hung) fail(T.raw, true, ['the server neither answered nor closed within 3 s']);
        if (answer.closed) {
          raw.closed++;
          return;
        }
        raw.answered++;
        const status = answer.status ?? 0;
        raw.byStatus.set(status, (raw.byStatus.get(status) ?? 0) + 1);
        let body: unknown;
        try {
          body = JSON.parse(answer.body ?? '');
        } catch {
          fail(T.raw, true, [`answer is not HTTP with a JSON body: ${answer.text.slice(0, 200)}`]);
        }
        if (status >= 500) fail(T.raw, true, [`HTTP ${String(status)}: ${answer.text.slice(0, 200)}`]);
        // A mutation can leave a well-formed request (404 for /x-nope, or the API's 200 error envelope).
        const ok = status >= 400 || (status === 200 && isRecord(body) && body.status === 'error');
        if (!ok) fail(T.raw, false, [`HTTP ${String(status)} to malformed input: ${answer.text.slice(0, 200)}`]);
      }),
      { seed: SEED.raw, numRuns: 400 },
    );
    const statuses = [...raw.byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${String(s)}×${String(n)}`);
    detail.raw =
      `sandbox raw sockets: ${String(T.raw.inputs)} malformed byte streams, ${String(raw.answered)} answered (${statuses.join(' ')}), ` +
      `${String(raw.closed)} closed without an answer, ${String(T.raw.crashes)} hangs or crashes`;
  });

  it('still serves valid signed requests afterwards', async () => {
    const running = sandbox;
    if (running === undefined) throw new Error('the sandbox did not start');
    try {
      const api = new Api(running.url, MERCHANT);
      const status = await api.status(randomUUID());
      expect(status.status).toBe(200);
      expect(status.body.error_code).toBe('request_not_found');
      const created = await api.done('client.create', NEW_CLIENT);
      expect(created.request_status).toBe('success');
      const jws = new Api(running.url, MERCHANT, 'jws-hs512');
      expect((await jws.status(randomUUID())).body.error_code).toBe('request_not_found');
      const health = await request(`${running.url}/_sandbox/health`);
      expect(health.statusCode).toBe(200);
      expect(await health.body.json()).toEqual({ ok: true });
    } catch (error) {
      T.http.crashes++; // the server stopped serving
      detail.http += ' — STOPPED SERVING afterwards';
      throw error;
    }
    detail.http += ', still serving signed requests afterwards';
  });
});

// Fuzzing: the contract's arguments, the sandbox's HTTP input, bulk CSV files, provisioning and managed
// policy files. Every property has a fixed seed (fast-check prints seed and counterexample on failure). Records
// `inputsFuzzed` and `crashes` (thrown, untyped or internal errors, a server that stopped serving) in figures.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import fc from 'fast-check';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_APP_INFO } from '../support/test-desk.ts';
import { validateBulkFile } from '../../main/core/bulk/validate.ts';
import { PROBLEM_CODES } from '../../common/bulk/problems.ts';
import { operations, opIdForPath } from '../../common/card-api/catalog/index.ts';
import { clientDraft } from '../../common/card-api/catalog/payment-cards.ts';
import { Desk } from '../../main/core/desk.ts';
import { createServices, type Services } from '../../main/core/services/index.ts';
import { hashPin } from '../../main/core/session/pin-hash.ts';
import { readManagedPolicy } from '../../main/core/settings/managed-policy.ts';
import { looksLikeSecret, parseProvisioning, ProvisioningError } from '../../main/core/settings/provisioning.ts';
import { MemoryVault } from '../../main/core/vault/index.ts';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/index.ts';
import { faultConfigSchema } from '../../main/sandbox/faults.ts';
import { contract, METHOD_NAMES, type MethodName } from '../../common/contract/index.ts';
import { Api, MERCHANT, NEW_CLIENT, signHeaders } from '../integration/sandbox-helpers.ts';
import { argsFor, examplesFor, keysOf, LOCAL_PROFILE, type FuzzIds } from './fuzz-args.ts';
import { approval, signInAdmin, TEST_ADMIN } from '../support/sign-in.ts';
import {
  nearValidCsv,
  nearValidProvisioning,
  provisioningWithSecret,
  secretName,
  VALID_PROVISIONING,
} from './fuzz-files.ts';
import { httpInput, rawInput, sendHttp, sendRaw, type HttpInput } from './fuzz-http.ts';
import { recordFigures } from './figures.ts';

/** One seed per property; a failure prints it with the counterexample (fc.assert). */
const SEED = { contract: 0x7_0001, http: 0x7_0002, raw: 0x7_0003, csv: 0x7_0004, provisioning: 0x7_0005 };
const RUNS_PER_METHOD = 40;

const ROOT = mkdtempSync(join(tmpdir(), 'card-desk-fuzz-'));

/** Per target: inputs run, crashes (thrown / untyped / internal / stopped serving), other property violations. */
interface Tally {
  inputs: number;
  crashes: number;
  violations: number;
}
const tally = (): Tally => ({ inputs: 0, crashes: 0, violations: 0 });
const T = {
  contract: tally(),
  http: tally(),
  raw: tally(),
  csv: tally(),
  provisioning: tally(),
  policy: tally(),
};
const detail: Record<keyof typeof T, string> = {
  contract: 'contract methods: not run',
  http: 'sandbox HTTP requests: not run',
  raw: 'sandbox raw sockets: not run',
  csv: 'bulk CSV validation: not run',
  provisioning: 'provisioning parser: not run',
  policy: 'managed policy reader: not run',
};

/** Counts the failure (crash or violation) and throws it so fast-check reports the input and the seed. */
function fail(t: Tally, crash: boolean, problems: string[]): void {
  if (problems.length === 0) return;
  if (crash) t.crashes++;
  else t.violations++;
  throw new Error(problems.join('; '));
}

afterAll(() => {
  const all = Object.values(T);
  const inputsFuzzed = all.reduce((n, t) => n + t.inputs, 0);
  const crashes = all.reduce((n, t) => n + t.crashes, 0);
  recordFigures('fuzz', { inputsFuzzed, crashes }, Object.values(detail));
  rmSync(ROOT, { recursive: true, force: true });
});

const SNAKE = /^[a-z][a-z0-9_]*$/;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------------------------
// 1. Every contract method's arguments, through the dispatcher, over a desk with the embedded sandbox.

interface FuzzDesk {
  services: Services;
  sandbox: RunningSandbox;
  reported: unknown[];
}

async function openFuzzDesk(): Promise<FuzzDesk> {
  let sandbox: RunningSandbox | undefined;
  const reported: unknown[] = [];
  const desk = Desk.open({
    dataDir: mkdtempSync(join(ROOT, 'desk-')),
    vault: new MemoryVault(),
    startEmbedded: async ({ merchant, stateFile }) => {
      sandbox = await startSandbox({ merchants: [merchant], stateFile, asyncMs: 5 });
      return sandbox;
    },
    deadlineMs: 5_000,
    pollCeilingMs: 2_000,
  });
  const services = createServices({
    desk,
    appInfo: TEST_APP_INFO,
    report: (e) => reported.push(e),
    secretShown: () => undefined,
    kioskExit: () => true,
  });
  await signInAdmin(services);
  await desk.embeddedUrl();
  if (sandbox === undefined) throw new Error('the embedded sandbox did not start');
  return { services, sandbox, reported };
}

async function must(services: Services, method: string, args: unknown): Promise<Record<string, unknown>> {
  const reply = await services.dispatch(method, args);
  if (!reply.ok) throw new Error(`preparing: ${method}: ${JSON.stringify(reply.error)}`);
  return reply.value as Record<string, unknown>;
}

/** Puts the desk in the state where the method's valid inputs mean something; returns the ids examples use. */
async function prepare(method: MethodName, { services }: FuzzDesk): Promise<FuzzIds> {
  const ids: FuzzIds = {
    clientId: 'client-1',
    cardId: 'card-1',
    profileId: LOCAL_PROFILE.id,
    operatorPin: TEST_ADMIN.secret,
    kioskPin: '80706050',
  };
  const group = method.slice(0, method.indexOf('.'));
  if (['clients', 'cards', 'limits'].includes(group)) {
    const created = (await must(services, 'clients.create', examplesFor('clients.create', ids)[0])) as {
      result?: { client_id?: string };
    };
    ids.clientId = created.result?.client_id ?? ids.clientId;
    const issued = (await must(services, 'cards.issue', { clientId: ids.clientId })) as {
      result?: { cards?: { card_id: string }[] };
    };
    ids.cardId = issued.result?.cards?.[0]?.card_id ?? ids.cardId;
  }
  if (['profiles', 'vault'].includes(group)) {
    await must(services, 'profiles.save', {
      profile: { ...LOCAL_PROFILE, allowedOperations: ['cards'] },
      approval: await approval(services),
    });
  }
  if (method === 'kiosk.exit') {
    const policy = { locked: [], kioskExitPinHash: await hashPin(ids.kioskPin) };
    services.desk.applyProvisioning(parseProvisioning(JSON.stringify({ version: 1, policy }), 'kiosk.json'));
  }
  return ids;
}

/** What an invalid input may change: nothing of this. */
async function snapshot(services: Services): Promise<string> {
  const { desk } = services;
  return JSON.stringify({
    session: services.session.state(),
    settings: desk.settings(),
    profiles: await desk.profiles(),
    active: desk.activeProfileId(),
    journal: desk.journal.list().length,
    audit: desk.journal.auditTrail().length,
  });
}

/** Why `reply` is not a typed Reply (undefined when it is one). */
function untyped(reply: unknown): string | undefined {
  if (!isRecord(reply) || typeof reply.ok !== 'boolean') return 'not a Reply';
  try {
    JSON.stringify(reply);
  } catch (error) {
    return `not serialisable: ${String(error)}`;
  }
  if (reply.ok) return 'value' in reply ? undefined : 'ok without value';
  const { error } = reply;
  if (!isRecord(error)) return 'error reply without error';
  if (typeof error.code !== 'string' || !SNAKE.test(error.code)) return `code ${String(error.code)} is not snake_case`;
  if (error.code === 'internal_error') return 'internal_error';
  if (typeof error.message !== 'string' || error.message === '') return 'error without message';
  if (error.details !== undefined && !isRecord(error.details)) return 'details not an object';
  return undefined;
}

const contractStats = { methods: 0, valid: 0, invalid: 0, sentByInvalid: 0, codes: new Set<string>() };

describe('fuzz: every contract method', () => {
  it.each(METHOD_NAMES.map((m, i) => [m, i] as const))('%s', async (method, index) => {
    const fuzz = await openFuzzDesk();
    const { services, sandbox } = fuzz;
    try {
      const ids = await prepare(method, fuzz);
      // A second operator approves what takes an approval, so that dual control lets valid inputs through.
      const approved = keysOf(method).includes('approval') ? { approval: await approval(services) } : {};
      const examples = examplesFor(method, ids).map((example) => ({ ...example, ...approved }));
      const spec = contract[method];
      for (const example of examples) {
        expect(spec.args.safeParse(example).success, `stale example for ${method}`).toBe(true);
      }
      const start = sandbox.stats().requests;
      let sentByValid = 0;
      await fc.assert(
        fc.asyncProperty(argsFor(method, examples), async (args) => {
          T.contract.inputs++;
          // The dispatcher reads a missing argument object as {} (the bridge calls `app.info()` without one).
          const valid = spec.args.safeParse(args ?? {}).success;
          const lockedBefore = services.session.locked;
          const nobodyBefore = services.session.operator() === null;
          const before = sandbox.stats().requests;
          const state = valid ? '' : await snapshot(services);
          let reply: unknown;
          try {
            reply = await services.dispatch(method, args);
          } catch (error) {
            fail(T.contract, true, [`dispatch threw: ${String(error)}`]);
          }
          if (fuzz.reported.length > 0) {
            const reported = fuzz.reported.splice(0).map(String);
            fail(T.contract, true, [`reported as unexpected: ${reported.join(', ')}; reply ${JSON.stringify(reply)}`]);
          }
          const bad = untyped(reply);
          if (bad !== undefined) fail(T.contract, true, [`${bad}: ${JSON.stringify(reply)}`]);
          const answer = reply as { ok: boolean; error?: { code: string } };
          if (answer.error) contractStats.codes.add(answer.error.code);
          if (valid) {
            contractStats.valid++;
            sentByValid += sandbox.stats().requests - before;
            return;
          }
          contractStats.invalid++;
          // Let anything the dispatch might have started reach the sandbox before counting.
          await new Promise(setImmediate);
          await new Promise(setImmediate);
          const sent = sandbox.stats().requests - before;
          contractStats.sentByInvalid += sent;
          const refusal = nobodyBefore ? 'not_signed_in' : 'session_locked';
          const expected = lockedBefore && !spec.whileLocked ? refusal : 'invalid_arguments';
          const problems: string[] = [];
          if (answer.ok || answer.error?.code !== expected)
            problems.push(`invalid arguments answered ${JSON.stringify(reply)}, expected ${expected}`);
          if (sent !== 0) problems.push(`invalid arguments sent ${String(sent)} request(s) to the sandbox`);
          if ((await snapshot(services)) !== state) problems.push('invalid arguments changed the desk or session');
          fail(T.contract, false, problems);
        }),
        { seed: SEED.contract + index, numRuns: RUNS_PER_METHOD },
      );
      // Nothing arrived late either: every request the sandbox saw belongs to a valid input.
      await delay(20);
      const late = sandbox.stats().requests - start - sentByValid;
      contractStats.sentByInvalid += late;
      expect(late, 'requests not explained by valid inputs').toBe(0);
      contractStats.methods++;
    } finally {
      await services.close();
      detail.contract =
        `contract methods: ${String(contractStats.methods)}/${String(METHOD_NAMES.length)} methods × ${String(RUNS_PER_METHOD)} inputs ` +
        `(${String(contractStats.valid)} valid, ${String(contractStats.invalid)} invalid), ` +
        `${String(T.contract.crashes)} untyped errors, ${String(contractStats.sentByInvalid)} requests sent by invalid inputs, ` +
        `codes: ${[...contractStats.codes].sort().join(' ')}`;
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 2. The sandbox's HTTP input: random requests through undici, raw bytes over sockets; it keeps serving.

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

// ---------------------------------------------------------------------------------------------------------------
// 3. Bulk CSV: validateBulkFile on anything; problems are well-formed; rows only when clean, and schema-valid.

describe('fuzz: bulk CSV validation', () => {
  const csv = { withRows: 0, withProblems: 0, rows: 0, codes: new Set<string>() };
  const placeholder = randomUUID();

  function check(bytes: Uint8Array): void {
    T.csv.inputs++;
    let result: ReturnType<typeof validateBulkFile>;
    try {
      result = validateBulkFile(bytes);
    } catch (error) {
      fail(T.csv, true, [`threw: ${String(error)}`]);
      return;
    }
    const problems: string[] = [];
    for (const p of result.problems) {
      csv.codes.add(p.code);
      if (!(p.row === null || (Number.isInteger(p.row) && p.row >= 1))) problems.push(`row ${String(p.row)}`);
      if (!(p.field === null || typeof p.field === 'string')) problems.push(`field ${String(p.field)}`);
      if (!(PROBLEM_CODES as readonly string[]).includes(p.code)) problems.push(`code ${p.code}`);
      if (typeof p.message !== 'string' || p.message.trim() === '') problems.push('empty message');
    }
    if (result.problems.length > 0) {
      csv.withProblems++;
      if (result.rows.length > 0) problems.push('rows returned along with problems');
    } else if (result.rows.length > 0) csv.withRows++;
    for (const row of result.rows) {
      csv.rows++;
      const input = row.input;
      if (input.format === 'clients') {
        if (!clientDraft.safeParse(input.draft).success)
          problems.push(`row ${String(row.row)}: draft fails the schema`);
        if (input.card.kind === 'plastic') {
          const body = {
            request_id: placeholder,
            client_id: 'c',
            embossed_name: input.card.embossedName,
            ...(input.card.branchId === undefined ? {} : { branch_id: input.card.branchId }),
          };
          if (!operations['card.issuePlastic'].request.safeParse(body).success)
            problems.push(`row ${String(row.row)}: plastic card request fails the schema`);
        }
      } else {
        const body = { request_id: placeholder, product_id: input.productId, quantity: input.quantity };
        if (!operations['card.issueBulk'].request.safeParse(body).success)
          problems.push(`row ${String(row.row)}: card.issueBulk request fails the schema`);
      }
    }
    fail(T.csv, false, problems);
  }

  it('never throws on arbitrary bytes and strings', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        check(bytes);
      }),
      { seed: SEED.csv, numRuns: 1_000 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: 'binary', maxLength: 500 })), (text) => {
        check(Buffer.from(text, 'utf8'));
      }),
      { seed: SEED.csv + 1, numRuns: 1_000 },
    );
  });

  it('reports well-formed problems on near-valid files, and returns only schema-valid rows', () => {
    fc.assert(
      fc.property(nearValidCsv, (text) => {
        check(Buffer.from(text, 'utf8'));
      }),
      { seed: SEED.csv + 2, numRuns: 2_500 },
    );
    expect(
      csv.withRows,
      'some near-valid files must come back clean (else the rows check proves nothing)',
    ).toBeGreaterThan(0);
    detail.csv =
      `bulk CSV validation: ${String(T.csv.inputs)} inputs (bytes, strings, template mutations), ${String(csv.withProblems)} with problems, ` +
      `${String(csv.withRows)} clean files (${String(csv.rows)} rows, all schema-valid), ${String(T.csv.crashes)} throws, ` +
      `codes: ${[...csv.codes].sort().join(' ')}`;
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 4. Provisioning and managed policy files: accepted, or refused with provisioning_invalid naming the place;
// a secret-looking key anywhere is always refused and its value never shown.

const WHOLE_FILE = /the file is empty|too large|nested too deeply|not UTF-8|invalid provisioning file/;

function topLevelObject(text: string): boolean {
  try {
    return isRecord(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch {
    return false;
  }
}

/** Why `error` is not a proper refusal of `source` (undefined when it is one). */
function badRefusal(error: unknown, source: string): { crash: boolean; problem: string } | undefined {
  if (!(error instanceof ProvisioningError)) return { crash: true, problem: `threw ${String(error)}` };
  if (error.code !== 'provisioning_invalid') return { crash: true, problem: `code ${error.code}` };
  if (!error.message.startsWith(source))
    return { crash: false, problem: `message does not name the file: ${error.message}` };
  if (error.line !== undefined && !error.message.includes(`line ${String(error.line)}`))
    return { crash: false, problem: `message does not name line ${String(error.line)}: ${error.message}` };
  if (error.field !== undefined && !error.message.includes(error.field))
    return { crash: false, problem: `message does not name ${error.field}: ${error.message}` };
  if (error.line === undefined && !WHOLE_FILE.test(error.message))
    return { crash: false, problem: `a refusal without a line: ${error.message}` };
  return undefined;
}

describe('fuzz: provisioning and managed policy files', () => {
  const prov = { accepted: 0, refused: 0, secrets: 0, lineless: 0 };
  const policy = { files: 0, accepted: 0, refused: 0, secrets: 0 };
  const SOURCE = 'kiosk.json';

  function parse(text: string, secret?: { marker: string; key: string }): void {
    T.provisioning.inputs++;
    let error: unknown;
    try {
      parseProvisioning(text, SOURCE);
      prov.accepted++;
    } catch (e) {
      error = e;
      prov.refused++;
    }
    if (error === undefined) {
      if (secret) fail(T.provisioning, false, [`accepted a document with the secret-looking key ${secret.key}`]);
      return;
    }
    const bad = badRefusal(error, SOURCE);
    if (bad) fail(T.provisioning, bad.crash, [bad.problem]);
    const refusal = error as ProvisioningError;
    if (refusal.line === undefined) prov.lineless++;
    if (secret) {
      prov.secrets++;
      const problems: string[] = [];
      // A document that is not a JSON object is refused before any key is looked at; an object names the key.
      if (
        topLevelObject(text) &&
        !refusal.problems.some((p) => p.message.startsWith('secrets are never put in a provisioning file'))
      )
        problems.push(`refused without naming the secret key ${secret.key}: ${refusal.message}`);
      if (`${refusal.message}${JSON.stringify(refusal.problems)}`.includes(secret.marker))
        problems.push(`the secret value appears in the refusal: ${refusal.message}`);
      fail(T.provisioning, false, problems);
    }
  }

  it('the valid documents and secret names it starts from are what they claim', () => {
    for (const doc of VALID_PROVISIONING) expect(() => parseProvisioning(JSON.stringify(doc), SOURCE)).not.toThrow();
    fc.assert(
      fc.property(secretName, (name) => looksLikeSecret(name)),
      { seed: SEED.provisioning, numRuns: 300 },
    );
  });

  it('parseProvisioning accepts or refuses with provisioning_invalid on anything', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          { arbitrary: fc.string({ maxLength: 300 }), weight: 6 },
          { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 6 },
          { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), weight: 6 },
          {
            arbitrary: fc.constantFrom(
              '',
              ' ',
              '\uFEFF',
              'null',
              '[]',
              '{}',
              '{"version":1}',
              '{"version":1,}',
              '\uFEFF\uFEFF{}',
            ),
            weight: 2,
          },
          {
            arbitrary: fc
              .integer({ min: 100, max: 30_000 })
              .map((n) => `{"version":1,"x":${'['.repeat(n)}${']'.repeat(n)}}`),
            weight: 1,
          },
          {
            arbitrary: fc.integer({ min: 1, max: 3 }).map((n) => `{"version":1,"pad":"${'x'.repeat(n * 400_000)}"}`),
            weight: 1,
          },
        ),
        (text) => {
          parse(text);
        },
      ),
      { seed: SEED.provisioning + 1, numRuns: 1_500 },
    );
  });

  it('parseProvisioning on mutations of valid documents', () => {
    fc.assert(
      fc.property(nearValidProvisioning, (text) => {
        parse(text);
      }),
      { seed: SEED.provisioning + 2, numRuns: 2_000 },
    );
  });

  it('a secret-looking key anywhere is always refused, its value never shown', () => {
    fc.assert(
      fc.property(provisioningWithSecret, (doc) => {
        parse(doc.text, doc);
      }),
      { seed: SEED.provisioning + 3, numRuns: 1_500 },
    );
    detail.provisioning =
      `provisioning parser: ${String(T.provisioning.inputs)} documents (strings, JSON, deep nesting, >1 MB, mutations of valid files), ` +
      `${String(prov.accepted)} accepted, ${String(prov.refused)} refused with provisioning_invalid (${String(prov.lineless)} whole-file, no line), ` +
      `${String(prov.secrets)} secret-bearing all refused without their value, ${String(T.provisioning.crashes)} untyped errors`;
  });

  it('the managed policy reader never throws and refuses with provisioning_invalid', () => {
    const dir = join(ROOT, 'policy');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'policy.json');
    const input = fc.oneof(
      fc.string({ maxLength: 300 }).map((text) => ({ bytes: Buffer.from(text, 'utf8'), secret: undefined })),
      fc.uint8Array({ maxLength: 300 }).map((b) => ({ bytes: Buffer.from(b), secret: undefined })),
      nearValidProvisioning.map((text) => ({ bytes: Buffer.from(text, 'utf8'), secret: undefined })),
      provisioningWithSecret.map((doc) => ({ bytes: Buffer.from(doc.text, 'utf8'), secret: doc })),
    );
    fc.assert(
      fc.property(input, ({ bytes, secret }) => {
        T.policy.inputs++;
        policy.files++;
        writeFileSync(file, bytes);
        let read: ReturnType<typeof readManagedPolicy>;
        try {
          read = readManagedPolicy(file);
        } catch (error) {
          fail(T.policy, true, [`threw: ${String(error)}`]);
          return;
        }
        if (read.provisioning !== undefined) {
          policy.accepted++;
          if (secret) fail(T.policy, false, [`applied a policy with the secret-looking key ${secret.key}`]);
          return;
        }
        if (read.problem === undefined) fail(T.policy, false, ['an existing file read as no policy']);
        policy.refused++;
        const bad = badRefusal(read.problem, file);
        if (bad) fail(T.policy, bad.crash, [bad.problem]);
        if (secret) {
          policy.secrets++;
          const problem = read.problem as ProvisioningError;
          if (`${problem.message}${JSON.stringify(problem.problems)}`.includes(secret.marker))
            fail(T.policy, false, [`the secret value appears in the refusal: ${problem.message}`]);
        }
      }),
      { seed: SEED.provisioning + 4, numRuns: 600 },
    );
    detail.policy =
      `managed policy reader: ${String(policy.files)} files, ${String(policy.accepted)} applied, ${String(policy.refused)} refused ` +
      `(${String(policy.secrets)} with a secret, value never shown), ${String(T.policy.crashes)} throws`;
  });
});

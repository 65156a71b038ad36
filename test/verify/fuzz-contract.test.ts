// Fuzzing every contract method's arguments through the dispatcher, over a desk with the embedded sandbox: an
// invalid input is refused as invalid_arguments (or as locked), sends nothing to the bank and changes nothing.
// Every property has a fixed seed (fast-check prints seed and counterexample on failure). Records `inputsFuzzed`
// and `crashes` (thrown, untyped or internal errors) in figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_APP_INFO } from '../support/test-desk.ts';
import { Desk } from '../../main/core/desk.ts';
import { createServices, type Services } from '../../main/core/services/index.ts';
import { hashPin } from '../../main/core/session/pin-hash.ts';
import { parseProvisioning } from '../../main/core/settings/provisioning.ts';
import { MemoryVault } from '../../main/core/vault/index.ts';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/index.ts';
import { contract, METHOD_NAMES, type MethodName } from '../../common/contract/index.ts';
import { argsFor, examplesFor, keysOf, LOCAL_PROFILE, type FuzzIds } from './fuzz-args.ts';
import { approval, signInAdmin, TEST_ADMIN } from '../support/sign-in.ts';
import { fail, isRecord, recordFuzzFigures, tally } from './fuzz-tally.ts';

/** One seed per method, from this base; a failure prints it with the counterexample (fc.assert). */
const SEED = 0x7_0001;
const RUNS_PER_METHOD = 40;

const ROOT = mkdtempSync(join(tmpdir(), 'card-desk-fuzz-'));
const T = tally();
let detail = 'contract methods: not run';

afterAll(() => {
  recordFuzzFigures('fuzz-contract', [T], [detail]);
  rmSync(ROOT, { recursive: true, force: true });
});

const SNAKE = /^[a-z][a-z0-9_]*$/;

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
          T.inputs++;
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
            fail(T, true, [`dispatch threw: ${String(error)}`]);
          }
          if (fuzz.reported.length > 0) {
            const reported = fuzz.reported.splice(0).map(String);
            fail(T, true, [`reported as unexpected: ${reported.join(', ')}; reply ${JSON.stringify(reply)}`]);
          }
          const bad = untyped(reply);
          if (bad !== undefined) fail(T, true, [`${bad}: ${JSON.stringify(reply)}`]);
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
          fail(T, false, problems);
        }),
        { seed: SEED + index, numRuns: RUNS_PER_METHOD },
      );
      // Nothing arrived late either: every request the sandbox saw belongs to a valid input.
      await delay(20);
      const late = sandbox.stats().requests - start - sentByValid;
      contractStats.sentByInvalid += late;
      expect(late, 'requests not explained by valid inputs').toBe(0);
      contractStats.methods++;
    } finally {
      await services.close();
      detail =
        `contract methods: ${String(contractStats.methods)}/${String(METHOD_NAMES.length)} methods × ${String(RUNS_PER_METHOD)} inputs ` +
        `(${String(contractStats.valid)} valid, ${String(contractStats.invalid)} invalid), ` +
        `${String(T.crashes)} untyped errors, ${String(contractStats.sentByInvalid)} requests sent by invalid inputs, ` +
        `codes: ${[...contractStats.codes].sort().join(' ')}`;
    }
  });
});

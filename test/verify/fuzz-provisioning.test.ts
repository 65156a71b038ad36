// Fuzzing provisioning and managed policy files: each is accepted, or refused with provisioning_invalid naming
// the file and the place; a secret-looking key anywhere is always refused and its value never shown. Every
// property has a fixed seed (fast-check prints seed and counterexample on failure). Records `inputsFuzzed` and
// `crashes` (throws, untyped refusals) in figures.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readManagedPolicy } from '../../main/core/settings/managed-policy.ts';
import { looksLikeSecret, parseProvisioning, ProvisioningError } from '../../main/core/settings/provisioning.ts';
import { nearValidProvisioning, provisioningWithSecret, secretName, VALID_PROVISIONING } from './fuzz-files.ts';
import { fail, isRecord, recordFuzzFigures, tally } from './fuzz-tally.ts';

/** The seed of the first property, the next ones count up; a failure prints it with the counterexample. */
const SEED = 0x7_0005;

const ROOT = mkdtempSync(join(tmpdir(), 'card-desk-fuzz-'));
const T = { provisioning: tally(), policy: tally() };
const detail = { provisioning: 'provisioning parser: not run', policy: 'managed policy reader: not run' };

afterAll(() => {
  recordFuzzFigures('fuzz-provisioning', [T.provisioning, T.policy], [detail.provisioning, detail.policy]);
  rmSync(ROOT, { recursive: true, force: true });
});

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
      { seed: SEED, numRuns: 300 },
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
      { seed: SEED + 1, numRuns: 1_500 },
    );
  });

  it('parseProvisioning on mutations of valid documents', () => {
    fc.assert(
      fc.property(nearValidProvisioning, (text) => {
        parse(text);
      }),
      { seed: SEED + 2, numRuns: 2_000 },
    );
  });

  it('a secret-looking key anywhere is always refused, its value never shown', () => {
    fc.assert(
      fc.property(provisioningWithSecret, (doc) => {
        parse(doc.text, doc);
      }),
      { seed: SEED + 3, numRuns: 1_500 },
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
      { seed: SEED + 4, numRuns: 600 },
    );
    detail.policy =
      `managed policy reader: ${String(policy.files)} files, ${String(policy.accepted)} applied, ${String(policy.refused)} refused ` +
      `(${String(policy.secrets)} with a secret, value never shown), ${String(T.policy.crashes)} throws`;
  });
});

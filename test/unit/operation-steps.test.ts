// Adding a Card API operation touches many files (docs/adding-an-operation.md). The compiler catches some missing
// steps; this file catches the others it can, each failure naming the step to go back to.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZodObject } from 'zod';
import { describe, expect, it } from 'vitest';
import { OP_IDS, operations, type OpId } from '../../common/card-api/catalog/index.ts';
import { CARD_API_SCOPES, contract, LANGUAGES, METHOD_NAMES, type Scope } from '../../common/contract/index.ts';
import { journalParams } from '../../main/core/journal/redact.ts';
import { giftCardHandlers } from '../../main/sandbox/handlers/gift-cards.ts';
import { paymentCardHandlers } from '../../main/sandbox/handlers/payment-cards.ts';
import { documentedErrorCodes, documentedGiftErrors, documentedOperations } from '../support/card-api-doc.ts';
import { filesUnder } from '../support/files-under.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The headings of docs/adding-an-operation.md that a failure sends the reader back to. */
const STEPS = {
  document: '2. Document it',
  sandbox: '3. Sandbox',
  contract: '4. Contract',
  redaction: '7. Journal redaction',
  faultMatrix: '8. Fault matrix',
  name: '9. Name it',
  screen: '10. The screen',
  errors: '11. Errors',
  readme: '12. README',
} as const;
const step = (key: keyof typeof STEPS) => `docs/adding-an-operation.md, "${STEPS[key]}"`;

const WRITES = OP_IDS.filter((id) => operations[id].access === 'write');
const CARD_API_METHODS = METHOD_NAMES.filter((m) => (CARD_API_SCOPES as readonly Scope[]).includes(contract[m].scope));
const opOf = (method: (typeof METHOD_NAMES)[number]): OpId | undefined => contract[method].op;

/** Catalog operations no contract method calls, and why the renderer never asks for them by name. */
const WITHOUT_METHOD: Partial<Record<OpId, string>> = {
  'request.status':
    'the client asks it itself: polling async writes, settling unknown outcomes, reconciliation, the connection test',
  'card.issueBulk': 'bulk jobs send it (main/core/bulk/runner.ts); the renderer starts a job with bulk.start',
};

/** Request fields the journal never keeps (docs/card-api.md, sensitive data), and why. */
const NEVER_JOURNALED: Record<string, string> = {
  cardholder_name: "a person's name",
  embossed_name: "a person's name, as printed on the card",
  identification_info: 'who identified the holder, and when: personal data',
  otp: 'a one-time code',
};

function locale(language: string, namespace: string): Record<string, unknown> {
  return JSON.parse(read(`renderer/src/i18n/locales/${language}/${namespace}.json`)) as Record<string, unknown>;
}

/** The text at a dotted i18next key (`op.card.block`), or undefined. */
function textAt(tree: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
}

function requestFields(id: OpId): string[] {
  const request: unknown = operations[id].request;
  return request instanceof ZodObject ? Object.keys(request.shape) : [];
}

/** Whether `journalParams` keeps something of the field, whatever its type. */
function journaled(id: OpId, field: string): boolean {
  return ['x', 1, { a: 1 }, [1]].some((value) => field in journalParams(id, { [field]: value }));
}

describe('adding an operation: the steps the compiler does not check', () => {
  it('sends the reader to steps that docs/adding-an-operation.md has', () => {
    const headings = read('docs/adding-an-operation.md')
      .split('\n')
      .filter((line) => line.startsWith('## '))
      .map((line) => line.slice(3));
    expect(headings).toEqual(expect.arrayContaining(Object.values(STEPS)));
  });

  it('every catalog operation has its row in docs/card-api.md, of the same kind', () => {
    const documented = documentedOperations();
    for (const id of OP_IDS) {
      const { mode, access } = operations[id];
      expect(documented.get(id)?.kind, `${id}: ${step('document')}`).toBe(`${mode} ${access}`);
    }
  });

  it('every catalog operation has a sandbox handler', () => {
    const handled = new Set(Object.keys({ ...paymentCardHandlers, ...giftCardHandlers }));
    for (const id of OP_IDS) expect(handled.has(id), `${id} has no sandbox handler: ${step('sandbox')}`).toBe(true);
  });

  it('every catalog operation is called by a contract method, or has a written reason for having none', () => {
    const called = new Set(METHOD_NAMES.map(opOf));
    for (const id of OP_IDS) {
      expect(called.has(id) || id in WITHOUT_METHOD, `${id}: no contract method calls it: ${step('contract')}`).toBe(
        true,
      );
    }
    for (const id of Object.keys(WITHOUT_METHOD) as OpId[]) {
      expect(called.has(id), `${id} has a method now: take it out of WITHOUT_METHOD`).toBe(false);
    }
  });

  it("a Card API method's scope matches its operation's access and sensitivity", () => {
    expect(CARD_API_METHODS.length).toBeGreaterThan(20);
    for (const method of CARD_API_METHODS) {
      const { scope } = contract[method];
      const op = opOf(method);
      expect(op, `${method} names no op: ${step('contract')}`).toBeDefined();
      if (op === undefined) continue;
      const { access, sensitive } = operations[op];
      const expected = access === 'write' ? 'cardApi.write' : sensitive ? 'card.reveal' : 'cardApi.read';
      expect(scope, `${method} calls ${op} (${access}): ${step('contract')}`).toBe(expected);
    }
    for (const method of METHOD_NAMES.filter((m) => !CARD_API_METHODS.includes(m))) {
      expect(opOf(method), `${method} is not a Card API method but names an op`).toBeUndefined();
    }
  });

  it('every field of every write is kept by the journal redaction, or listed here as never journaled', () => {
    for (const id of WRITES) {
      const fields = requestFields(id);
      expect(fields.length, `${id}: its request is not an object`).toBeGreaterThan(0);
      for (const field of fields) {
        expect(
          journaled(id, field) || field in NEVER_JOURNALED,
          `${id}.${field}: decide whether the journal may keep it: ${step('redaction')}`,
        ).toBe(true);
      }
    }
  });

  it('never journals the fields listed as never journaled', () => {
    for (const [field, why] of Object.entries(NEVER_JOURNALED)) {
      const writes = WRITES.filter((id) => requestFields(id).includes(field));
      expect(writes.length, `no write has ${field} any more: take it out of NEVER_JOURNALED`).toBeGreaterThan(0);
      for (const id of writes) expect(journaled(id, field), `${id}.${field} is ${why}`).toBe(false);
    }
  });

  it('every write has a row in the fault matrix', () => {
    const source = read('test/verify/fault-matrix.test.ts');
    const table = /const WRITES\b[^\n]*\{\n([\s\S]*?)\n\};/.exec(source)?.[1] ?? '';
    const rows = new Set([...table.matchAll(/^ {2}'([a-zA-Z]+\.[a-zA-Z]+)':/gm)].map((m) => m[1]));
    expect(rows.size, 'the fault matrix table was not found in test/verify/fault-matrix.test.ts').toBeGreaterThan(10);
    for (const id of WRITES) expect(rows.has(id), `${id}: ${step('faultMatrix')}`).toBe(true);
  });

  it('every write has a name in all five languages', () => {
    for (const language of LANGUAGES) {
      const journal = locale(language, 'journal');
      for (const id of WRITES) {
        const name = textAt(journal, `op.${id}`);
        expect(typeof name === 'string' && name.trim() !== '', `${language}: ${id}: ${step('name')}`).toBe(true);
      }
    }
  });

  it('every Card API method is called by a query or a write of the renderer', () => {
    const renderer = filesUnder(join(ROOT, 'renderer', 'src', 'api'))
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    for (const method of CARD_API_METHODS) {
      const [group = '', name = ''] = method.split('.');
      const called = new RegExp(`\\b${group}\\.${name}\\(`).test(renderer) || renderer.includes(`'${method}'`);
      expect(called, `nothing in renderer/src/api calls ${method}: ${step('screen')}`).toBe(true);
    }
  });

  it('every error code the sandbox answers is documented, and has a sentence in all five languages', () => {
    const sandbox = filesUnder(join(ROOT, 'main', 'sandbox'))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const answered = new Set(
      [...sandbox.matchAll(/(?:\bfail|\bmissing)\('([a-z_]+)'|\bcode: '([a-z_]+)'/g)].map((m) => m[1] ?? m[2]),
    );
    const giftAnswered = [...sandbox.matchAll(/\bgiftFail\((-\d+)/g)].map((m) => Number(m[1]));
    const codes = documentedErrorCodes();
    const gift = documentedGiftErrors();
    expect(answered.size).toBeGreaterThan(5);
    for (const code of answered) expect(codes, `${code}: ${step('errors')}`).toContain(code);
    for (const status of giftAnswered) expect(gift, `gift ${String(status)}: ${step('errors')}`).toContain(status);
    for (const language of LANGUAGES) {
      const errors = locale(language, 'errors');
      const keys = [...codes, ...gift.map((status) => `gift_${String(-status)}`)];
      const missing = keys.filter((key) => typeof textAt(errors, `api.${key}`) !== 'string');
      expect(missing, `${language}: errors.json has no sentence: ${step('errors')}`).toEqual([]);
    }
  });

  it('README lists every contract method', () => {
    const readme = read('README.md');
    const start = readme.indexOf('## The desktop shell and the contract');
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    expect(start, 'README.md has no section "The desktop shell and the contract"').toBeGreaterThan(0);
    const listed = new Set<string>();
    for (const line of section.split('\n')) {
      const row = /^\|\s*`([a-z]+)`\s*\|(.*)\|$/.exec(line);
      for (const name of row?.[2]?.matchAll(/`([a-zA-Z]+)`/g) ?? []) listed.add(`${row?.[1] ?? ''}.${name[1] ?? ''}`);
    }
    for (const method of METHOD_NAMES) expect(listed.has(method), `${method}: ${step('readme')}`).toBe(true);
  });
});

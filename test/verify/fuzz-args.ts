// Inputs for fuzzing the contract: one valid example per method (built around ids the test prepared),
// arbitraries of wrong-typed objects with the method's real keys, and near-valid mutations of the examples.
import fc from 'fast-check';
import { z } from 'zod';
import { templateCsv } from '../../common/bulk/formats.ts';
import { contract, type MethodName } from '../../common/contract/index.ts';

/** Ids the test prepared on the desk before fuzzing a method (a real client and card where that helps). */
export interface FuzzIds {
  clientId: string;
  cardId: string;
  /** A saved, non-embedded profile on loopback (nothing leaves the machine). */
  profileId: string;
  operatorPin: string;
  kioskPin: string;
}

type Args = Record<string, unknown>;

/** A profile that can only ever reach a closed loopback port. */
export const LOCAL_PROFILE = {
  id: 'fuzz-local',
  name: 'Fuzz local',
  region: 'sandbox',
  environment: 'sandbox',
  baseUrl: 'http://127.0.0.1:9',
  merchantId: 4242,
  scheme: 'sha256-body',
  allowedOperations: ['clients', 'cards'],
} as const;

/** Values tried, in order, for a method whose only argument is this key (the first its schema accepts). */
const ONE_KEY_VALUES: Record<string, (ids: FuzzIds) => unknown[]> = {
  cardId: (ids) => [ids.cardId, 1],
  jobId: () => ['job-1'],
};

type Builder = (ids: FuzzIds) => Args[];

const SPECIFIC: Partial<Record<MethodName, Builder>> = {
  'session.createFirstOperator': () => [{ operatorId: 'fuzz-admin', name: 'Fuzz Admin', secret: '48291537' }],
  'session.signIn': () => [{ operatorId: 'fuzz-admin', secret: '48291537' }],
  'session.changeSecret': () => [{ currentSecret: '48291537', newSecret: 'a passphrase' }],
  'settings.setLanguage': () => [{ language: 'en' }, { language: 'kk' }],
  'operators.add': () => [{ operatorId: 'fuzz-teller', name: 'Fuzz Teller', roles: ['teller'], secret: '73159264' }],
  'operators.disable': () => [{ operatorId: 'fuzz-teller' }],
  'operators.enable': () => [{ operatorId: 'fuzz-teller' }],
  'operators.resetSecret': () => [{ operatorId: 'fuzz-teller', secret: '84026159' }],
  'clipboard.copySecret': () => [{ text: '12/29' }],
  'kiosk.exit': (ids) => [{ adminPin: ids.kioskPin }, { adminPin: '11112222' }],
  'print.page': () => [{ layout: 'a4' }, { layout: 'receipt' }],
  'print.pdf': () => [{ layout: 'a4' }],
  'settings.update': () => [{ language: 'en' }, { idleLockMinutes: 3, kiosk: false }, {}],
  'profiles.switch': (ids) => [{ profileId: ids.profileId }, { profileId: 'sandbox' }],
  'profiles.save': () => [{ profile: { ...LOCAL_PROFILE, allowedOperations: [...LOCAL_PROFILE.allowedOperations] } }],
  'profiles.import': () => [
    {
      fileName: 'kiosk.json',
      content: JSON.stringify({
        version: 1,
        profiles: [{ ...LOCAL_PROFILE, id: 'fuzz-imported', allowedOperations: ['cards'] }],
        policy: { locked: [], language: 'en' },
      }),
    },
  ],
  'profiles.remove': (ids) => [{ profileId: ids.profileId, confirm: true }],
  'vault.status': (ids) => [{ profileId: ids.profileId }, { profileId: 'sandbox' }],
  'vault.setSecret': (ids) => [{ profileId: ids.profileId, secret: 'fuzz-merchant-secret' }],
  'vault.clearSecret': (ids) => [{ profileId: ids.profileId }],
  'vault.createPinKey': (ids) => [{ profileId: 'sandbox' }, { profileId: ids.profileId }],
  'vault.testConnection': (ids) => [{ profileId: 'sandbox' }, { profileId: ids.profileId }],
  'clients.create': () => [
    {
      draft: {
        product_id: 2000,
        client: { phone: 77019998877, type: 1, resident: 1, first_name: 'Asel', last_name: 'Omarova' },
      },
    },
  ],
  'clients.updatePhone': (ids) => [{ clientId: ids.clientId, productId: 2000, phone: 77012223344 }],
  'clients.cards': (ids) => [{ clientId: ids.clientId }],
  'cards.issue': (ids) => [{ clientId: ids.clientId }],
  'cards.issuePlastic': (ids) => [{ clientId: ids.clientId, embossedName: 'ASEL OMAROVA', branchId: 'b-1' }],
  'cards.link': (ids) => [{ clientId: ids.clientId, cardId: ids.cardId }],
  'cards.block': (ids) => [{ cardId: ids.cardId, reason: 'lost', note: 'left in a taxi' }],
  'cards.unblock': (ids) => [{ cardId: ids.cardId, reason: 'found', note: '' }],
  'cards.setPin': (ids) => [{ cardId: ids.cardId }, { cardId: ids.cardId, pin: '2580' }],
  'cards.close': (ids) => [
    { cardId: ids.cardId, reason: 'client_request', note: '', confirm: true, balanceAcknowledged: true },
  ],
  'cards.revealSecret': (ids) => [
    { cardId: ids.cardId, reason: 'client_verification' },
    { cardId: ids.cardId, reason: 'other', note: 'branch audit' },
  ],
  'cards.identify': (ids) => [{ cardId: ids.cardId, idnDate: '2026-01-31T10:00:00+05:00', identifiedBy: 'Operator 7' }],
  'cards.statement': (ids) => [
    { cardId: ids.cardId },
    { cardId: ids.cardId, from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' },
  ],
  'cards.statementExtended': (ids) => [
    { cardId: ids.cardId, from: '2026-01-01T00:00:00+05:00', to: '2026-02-01T00:00:00+05:00' },
  ],
  'limits.list': (ids) => [{ object: { type: 'card', value: ids.cardId } }],
  'limits.set': (ids) => [
    {
      object: { type: 'card', value: ids.cardId },
      limits: [{ transactionType: 'pay', period: 'day', max: '1000.00', currency: 'KZT' }],
    },
  ],
  'gift.issue': () => [{ cardholderName: 'A B', phone: 77012223344, productCode: 1 }],
  'gift.confirm': () => [{ cardId: 1, otp: '1234' }],
  'requests.list': () => [{}, { states: ['done', 'failed'], op: 'card.block', text: 'x', cursor: null, limit: 10 }],
  'requests.recheck': () => [{ requestId: '7b0e5f38-0000-4000-8000-000000000000' }],
  'requests.checks': (ids) => [{}, { cardId: ids.cardId }, { clientId: ids.clientId }],
  'journal.search': () => [{}, { op: 'card.info', text: 'x', cursor: null, limit: 5 }],
  'journal.count': () => [{}, { op: 'card.info', states: ['done'], text: 'x' }],
  'bulk.template': () => [{ format: 'clients' }, { format: 'cards' }],
  'bulk.validate': () => [
    { fileName: 'cards.csv', contentBase64: Buffer.from(templateCsv('cards')).toString('base64') },
    { fileName: 'clients.csv', contentBase64: Buffer.from(templateCsv('clients')).toString('base64') },
  ],
  'bulk.problems': () => [{ reportId: '0c6e7d3c-2f34-4a3c-9f3e-6f1d2b7a9e10', limit: 50 }],
  'bulk.start': () => [{ draftId: '0c6e7d3c-2f34-4a3c-9f3e-6f1d2b7a9e10', concurrency: 2 }],
  'bulk.cancel': () => [{ jobId: 'job-1', confirm: true }],
  'bulk.result': () => [{ jobId: 'job-1' }, { jobId: 'job-1', cursor: '2000', limit: 500 }],
  'journal.audit': () => [{}, { action: 'kiosk.exit', limit: 5 }],
  'directory.search': () => [{ text: 'omarova' }, { text: '7012', cursor: '20', limit: 5 }],
  'directory.client': (ids) => [{ clientId: ids.clientId }],
};

/** Valid arguments for `method` (checked against its schema by the test before fuzzing). */
export function examplesFor(method: MethodName, ids: FuzzIds): Args[] {
  const specific = SPECIFIC[method];
  if (specific) return specific(ids);
  // The rest are derived from the contract: no arguments, or one id-like key.
  const keys = keysOf(method);
  if (keys.length === 0) return [{}];
  const [only] = keys;
  if (keys.length === 1 && only !== undefined) {
    const fits = (ONE_KEY_VALUES[only]?.(ids) ?? [])
      .map((value) => ({ [only]: value }))
      .find((args) => contract[method].args.safeParse(args).success);
    if (fits) return [fits];
  }
  throw new Error(`no example for ${method}: add one to test/verify/fuzz-args.ts`);
}

/** The top-level keys of a method's argument object. */
export function keysOf(method: MethodName): string[] {
  const schema: unknown = contract[method].args;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

// ---------------------------------------------------------------------------------------------- arbitraries

/** Values of every JS type, edge numbers, strings that are empty, huge, control or non-BMP. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    undefined,
    null,
    true,
    false,
    0,
    -1,
    0.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.MAX_SAFE_INTEGER + 2,
    -0,
    '',
    ' ',
    '\u0000',
    '0',
    'true',
    'null',
    '__proto__',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
    '\u202eRTL',
    'x'.repeat(70_000),
    [],
    {},
    [null],
    { toString: 'x' },
  ),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.date({ noInvalidDate: false }),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

/** An object with some of the method's real keys (and now and then a foreign one), values of wrong types. */
export function wrongTyped(method: MethodName): fc.Arbitrary<unknown> {
  const keys = keysOf(method);
  const key = keys.length > 0 ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 12 })) : fc.string();
  return fc.dictionary(key, wrongValue, { maxKeys: Math.max(3, keys.length + 1) });
}

type Path = (string | number)[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pathsOf(value: unknown, prefix: Path, out: Path[]): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (isRecord(value)) for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

/** Values close to `value`: off by one, trimmed, case, overlong, wrong type but same meaning. */
function tweaks(value: unknown): unknown[] {
  if (typeof value === 'string') {
    return [
      '',
      ' ',
      `${value} `,
      ` ${value}`,
      value.toUpperCase(),
      value.toLowerCase(),
      value.repeat(40),
      `${value}\u0000`,
      `${value}é`,
      value.slice(0, -1),
      `${value}0`,
      Number(value),
      [value],
    ];
  }
  if (typeof value === 'number') {
    return [
      value + 1,
      value - 1,
      -value,
      value + 0.5,
      0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      String(value),
      Number.MAX_SAFE_INTEGER + 1,
      value * 1000,
      Number.isFinite(value) ? BigInt(Math.trunc(value)) : null,
    ];
  }
  if (typeof value === 'boolean') return [!value, String(value), value ? 1 : 0, null];
  if (Array.isArray(value)) return [[], value.concat(value), value.slice(1), [value], {}];
  if (isRecord(value)) return [{}, null, [value], Object.assign(Object.create(null) as object, value)];
  return [null, {}, ''];
}

interface Mutation {
  kind: 'delete' | 'replace' | 'tweak' | 'extraKey';
  at: number;
  tweak: number;
  value: unknown;
  key: string;
}

function mutate(root: unknown, m: Mutation): unknown {
  const paths = pathsOf(root, [], []);
  const path = paths[m.at % paths.length] ?? [];
  const old = path.reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], root);
  // A copy: constants of the arbitraries are shared between runs and must not be changed by later mutations.
  const value = structuredClone(m.value);
  const next = (): unknown => {
    switch (m.kind) {
      case 'replace':
        return value;
      case 'tweak': {
        const options = tweaks(old);
        return options[m.tweak % options.length];
      }
      case 'extraKey':
        return isRecord(old) ? { ...old, [m.key]: value } : old;
      case 'delete':
        return undefined;
    }
  };
  if (path.length === 0) return m.kind === 'delete' ? undefined : next();
  const parent = path.slice(0, -1).reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], root);
  const last = path[path.length - 1] as string | number;
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else Reflect.deleteProperty(parent as object, String(last));
  } else (parent as Record<string | number, unknown>)[last] = next();
  return root;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'replace', 'tweak', 'tweak', 'extraKey'),
  at: fc.nat(),
  tweak: fc.nat(),
  value: wrongValue,
  key: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'embedded', 'request_id')),
});

/** One to three mutations of one of the examples (structuredClone keeps the examples intact). */
export function nearValid(examples: Args[]): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.constantFrom(...examples), fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([example, mutations]) => mutations.reduce<unknown>((value, m) => mutate(value, m), structuredClone(example)));
}

/** Everything a method is fuzzed with: anything, wrong types on real keys, near-valid, and the valid ones. */
export function argsFor(method: MethodName, examples: Args[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.anything(), weight: 2 },
    { arbitrary: wrongTyped(method), weight: 3 },
    { arbitrary: nearValid(examples), weight: 4 },
    { arbitrary: fc.constantFrom(...examples), weight: 1 },
  );
}

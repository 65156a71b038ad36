// Inputs for fuzzing the file parsers: bulk CSV near the templates, provisioning documents near the
// documented example, and documents hiding a secret-looking key somewhere.
import fc from 'fast-check';
import { templateCsv } from '../../common/bulk/formats.ts';

// ---------------------------------------------------------------------------------------------- CSV

interface CsvMutation {
  kind:
    | 'cell'
    | 'delimiter'
    | 'bom'
    | 'quote'
    | 'strayQuote'
    | 'lineEnding'
    | 'duplicateRow'
    | 'dropColumn'
    | 'addColumn'
    | 'truncate'
    | 'insertBytes'
    | 'emptyLines';
  row: number;
  column: number;
  text: string;
  at: number;
}

const cellText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '0',
    '1000',
    '2000',
    '3000',
    '-5',
    '1e3',
    '99999999999',
    '+7 701 234 56 78',
    '77012345679',
    '8 (701) 555-01-02',
    '996555000111',
    '998901234567',
    'virtual',
    'PLASTIC',
    'plastic',
    'ASEL O',
    'asel',
    'Zhanar',
    'Жанар',
    '1990-02-30',
    '2000-01-01',
    'KAZ',
    'kz',
    'ru',
    'a@b',
    '=cmd|"/c calc"!A1',
    '"',
    '""',
    ';',
    ',',
    '\n',
    'x'.repeat(300),
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

const csvMutation: fc.Arbitrary<CsvMutation> = fc.record({
  kind: fc.constantFrom(
    'cell',
    'cell',
    'cell',
    'delimiter',
    'bom',
    'quote',
    'strayQuote',
    'lineEnding',
    'duplicateRow',
    'dropColumn',
    'addColumn',
    'truncate',
    'insertBytes',
    'emptyLines',
  ),
  row: fc.nat(),
  column: fc.nat(),
  text: cellText,
  at: fc.nat(),
});

interface Table {
  rows: string[][];
  delimiter: string;
  eol: string;
  bom: boolean;
  /** Applied to the serialised text last. */
  edits: ((text: string) => string)[];
}

function tableOf(csv: string): Table {
  const lines = csv.split('\r\n').filter((l) => l !== '');
  return { rows: lines.map((l) => l.split(';')), delimiter: ';', eol: '\r\n', bom: false, edits: [] };
}

function render(t: Table): string {
  const text = `${t.bom ? '\uFEFF' : ''}${t.rows.map((r) => r.join(t.delimiter)).join(t.eol)}${t.eol}`;
  return t.edits.reduce((s, edit) => edit(s), text);
}

function applyCsv(t: Table, m: CsvMutation): Table {
  const row = t.rows[m.row % t.rows.length] ?? [];
  const col = row.length === 0 ? 0 : m.column % row.length;
  switch (m.kind) {
    case 'cell':
      row[col] = m.text;
      break;
    case 'delimiter':
      t.delimiter = [',', '\t', '|', ';;', ' '][m.at % 5] ?? ',';
      break;
    case 'bom':
      t.bom = !t.bom;
      break;
    case 'quote':
      row[col] = `"${(row[col] ?? '').replaceAll('"', '""')}"`;
      break;
    case 'strayQuote':
      row[col] = `${row[col] ?? ''}"${m.text}`;
      break;
    case 'lineEnding':
      t.eol = ['\n', '\r', '\r\n', '\n\r'][m.at % 4] ?? '\n';
      break;
    case 'duplicateRow':
      t.rows.push([...row]);
      break;
    case 'dropColumn':
      for (const r of t.rows) r.splice(col, 1);
      break;
    case 'addColumn':
      t.rows.forEach((r, i) => r.push(i === 0 ? m.text.replaceAll(/[;\r\n]/g, '') || 'extra' : m.text));
      break;
    case 'truncate':
      t.edits.push((s) => s.slice(0, m.at % (s.length + 1)));
      break;
    case 'insertBytes':
      t.edits.push((s) => `${s.slice(0, m.at % (s.length + 1))}${m.text}${s.slice(m.at % (s.length + 1))}`);
      break;
    case 'emptyLines':
      t.rows.splice(m.at % (t.rows.length + 1), 0, []);
      break;
  }
  return t;
}

/** The clients or cards template with zero to four mutations (zero: a valid file, so rows come back too). */
export const nearValidCsv: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom<'clients' | 'cards'>('clients', 'cards'), fc.array(csvMutation, { maxLength: 4 }))
  .map(([format, mutations]) => render(mutations.reduce(applyCsv, tableOf(templateCsv(format)))));

// ---------------------------------------------------------------------------------------------- provisioning

/** Valid documents (docs/provisioning.md and the unit tests' shapes); the test checks that they parse. */
export const VALID_PROVISIONING: Record<string, unknown>[] = [
  {
    version: 1,
    profiles: [
      {
        id: 'kg-bishkek',
        name: 'Bishkek branch',
        region: 'KG',
        environment: 'production',
        baseUrl: 'https://api.freedompay.kg',
        merchantId: 12345,
        scheme: 'sha256-body',
        allowedOperations: ['clients', 'cards', 'cards.secret', 'gift', 'bulk'],
      },
    ],
    policy: { locked: ['idleLockMinutes', 'kiosk'], idleLockMinutes: 5, kiosk: true, language: 'ru' },
  },
  {
    version: 1,
    profiles: [
      { id: 'kz-almaty', name: 'Almaty', region: 'KZ', environment: 'test', merchantId: 7 },
      {
        id: 'local',
        name: 'Local',
        region: 'sandbox',
        environment: 'sandbox',
        baseUrl: 'http://127.0.0.1:8080',
        merchantId: 1,
        allowedOperations: ['cards'],
      },
    ],
    policy: {
      locked: ['language', 'allowedOperations'],
      language: 'kk',
      allowedOperations: ['cards', 'gift'],
      kioskExitPinHash: 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==',
    },
  },
  { version: 1 },
];

type Path = (string | number)[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nodesOf(value: unknown, prefix: Path, out: Path[]): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => nodesOf(v, [...prefix, i], out));
  else if (isRecord(value)) for (const [k, v] of Object.entries(value)) nodesOf(v, [...prefix, k], out);
  return out;
}

function at(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], root);
}

interface DocMutation {
  kind: 'replace' | 'delete' | 'addKey' | 'renameKey' | 'duplicate';
  at: number;
  value: unknown;
  key: string;
}

const docValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(
    2,
    0,
    -1,
    1.5,
    '',
    'KG',
    'KZ',
    'UZ',
    'sandbox',
    'production',
    'test',
    'http://api.freedompay.kg',
    'https://user:pw@api.freedompay.kg',
    'http://127.0.0.1:1',
    'javascript:alert(1)',
    'jws-hs512',
    ['cards', 'cards'],
    ['nope'],
    ['kiosk'],
    'scrypt$1$1$1$$',
    'x'.repeat(100),
    { locked: ['kiosk'] },
  ),
);

const docMutation: fc.Arbitrary<DocMutation> = fc.record({
  kind: fc.constantFrom('replace', 'replace', 'delete', 'addKey', 'renameKey', 'duplicate'),
  at: fc.nat(),
  value: docValue,
  key: fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('id', 'version', 'policy', 'profiles', 'locked', '__proto__', 'constructor', 'embedded'),
  ),
});

function mutateDoc(root: unknown, m: DocMutation): unknown {
  const paths = nodesOf(root, [], []);
  const path = paths[m.at % paths.length] ?? [];
  if (path.length === 0) return m.kind === 'replace' ? structuredClone(m.value) : root;
  const parent = at(root, path.slice(0, -1)) as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  const node = parent[last];
  // A copy: constants of the arbitraries are shared between runs and must not be changed by later mutations.
  const value = structuredClone(m.value);
  switch (m.kind) {
    case 'replace':
      parent[last] = value;
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else Reflect.deleteProperty(parent, last);
      break;
    case 'addKey':
      if (isRecord(node)) Object.defineProperty(node, m.key, { value, enumerable: true, writable: true });
      break;
    case 'renameKey':
      if (!Array.isArray(parent) && typeof last === 'string') {
        Reflect.deleteProperty(parent, last);
        Object.defineProperty(parent, m.key, { value: node, enumerable: true, writable: true, configurable: true });
      }
      break;
    case 'duplicate':
      if (Array.isArray(node)) node.push(structuredClone(node[0]));
      break;
  }
  return root;
}

interface TextMutation {
  kind: 'cut' | 'insert' | 'delete' | 'bom' | 'duplicateKey' | 'comment' | 'trailingComma';
  at: number;
  text: string;
}

const textMutation: fc.Arbitrary<TextMutation> = fc.record({
  kind: fc.constantFrom('cut', 'insert', 'delete', 'bom', 'duplicateKey', 'comment', 'trailingComma'),
  at: fc.nat(),
  text: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '\u0000')),
});

function mutateText(s: string, m: TextMutation): string {
  const i = m.at % (s.length + 1);
  switch (m.kind) {
    case 'cut':
      return s.slice(0, i);
    case 'insert':
      return `${s.slice(0, i)}${m.text}${s.slice(i)}`;
    case 'delete':
      return `${s.slice(0, i)}${s.slice(i + 1 + (m.text.length % 3))}`;
    case 'bom':
      return `\uFEFF${s}`;
    case 'duplicateKey':
      return s.replace('"version": 1', '"version": 1, "version": 1').replace('"version":1', '"version":1,"version":1');
    case 'comment':
      return `${s.slice(0, i)}/* ${m.text} */${s.slice(i)}`;
    case 'trailingComma':
      return s.replace(/(\S)(\s*)([}\]])/, '$1,$2$3');
  }
}

const indent = fc.constantFrom<string | number>(0, 2, '\t');

/** A valid document with structural mutations (then JSON), and sometimes text mutations on top. */
export const nearValidProvisioning: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...VALID_PROVISIONING),
    fc.array(docMutation, { maxLength: 3 }),
    indent,
    fc.array(textMutation, { maxLength: 2 }),
  )
  .map(([doc, mutations, space, edits]) => {
    const mutated = mutations.reduce<unknown>((d, m) => mutateDoc(d, m), structuredClone(doc));
    return edits.reduce((s, e) => mutateText(s, e), JSON.stringify(mutated, null, space));
  });

// Secret-looking names (docs/provisioning.md): the listed words in every case and separator the parser folds.
const SECRET_NAMES = [
  'secret',
  'merchantSecret',
  'merchant_secret',
  'SECRET',
  'password',
  'Passwd',
  'passphrase',
  'token',
  'accessToken',
  'pinKey',
  'pin_key',
  'PIN-KEY',
  'privateKey',
  'private_key',
  'apiKey',
  'api-key',
  'sign',
  'Sign',
  'signKey',
  'sign_key',
  'signature',
  'X-Signature',
  'jwsSignature',
];
const SECRET_PARTS = ['secret', 'Password', 'PASSWD', 'passPhrase', 'token', 'pin_key', 'private-key', 'apiKey'];

export const secretName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SECRET_NAMES),
  fc
    .tuple(
      fc.stringMatching(/^[a-z]{0,6}$/),
      fc.constantFrom(...SECRET_PARTS),
      fc.stringMatching(/^[A-Za-z0-9_]{0,6}$/),
    )
    .map(([a, part, b]) => `${a}${part}${b}`),
);

export interface SecretDoc {
  text: string;
  /** The secret value: it must never appear in a message. */
  marker: string;
  key: string;
}

/** A valid (or mutated) document with a secret-looking key at some depth, holding a recognisable value. */
export const provisioningWithSecret: fc.Arbitrary<SecretDoc> = fc
  .record({
    doc: fc.constantFrom(...VALID_PROVISIONING),
    mutations: fc.array(docMutation, { maxLength: 2 }),
    key: secretName,
    marker: fc.stringMatching(/^[A-Za-z0-9]{10,24}$/).map((s) => `fz${s}Q`),
    shape: fc.constantFrom('string', 'object', 'array', 'nested'),
    target: fc.nat(),
    depth: fc.nat(3),
    wrapKey: fc.string({ minLength: 1, maxLength: 8 }),
    space: indent,
  })
  .map(({ doc, mutations, key, marker, shape, target, depth, wrapKey, space }) => {
    const root = mutations.reduce<unknown>((d, m) => mutateDoc(d, m), structuredClone(doc));
    const objects = nodesOf(root, [], [])
      .map((p) => at(root, p))
      .filter(isRecord);
    const host = objects.length > 0 ? (objects[target % objects.length] as Record<string, unknown>) : undefined;
    const value =
      shape === 'string'
        ? marker
        : shape === 'object'
          ? { value: marker }
          : shape === 'array'
            ? [marker, { k: marker }]
            : { a: [{ b: marker }] };
    let inner: Record<string, unknown> = { [key]: value };
    for (let i = 0; i < depth; i++) inner = { [wrapKey]: i % 2 === 0 ? inner : [inner] };
    const top: unknown = host === undefined ? inner : root;
    if (host !== undefined) {
      const [k, v] = Object.entries(inner)[0] ?? [key, value];
      Object.defineProperty(host, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return { text: JSON.stringify(top, null, space), marker, key };
  });

// The offline provisioning file: strict JSON an IT admin copies to a kiosk. Every refusal names the
// field and the line, and never echoes a value that could be a secret. Reading only; applying is in policy.ts.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { fieldProblems } from '../../../common/card-api/validation.ts';
import { DeskError } from '../errors.ts';
import { EMBEDDED_PROFILE_ID, provisioningSchema } from '../../../common/settings/schema.ts';
import type { Provisioning } from '../../../common/settings/schema.ts';

/** A provisioning (or managed policy) file is small; anything bigger is refused before it is parsed. */
export const MAX_PROVISIONING_BYTES = 1024 * 1024;

export interface ProvisioningProblem {
  /** `profiles[0].baseUrl`; absent for problems of the file as a whole (size, syntax, encoding). */
  field?: string;
  /** 1-based, when the problem has a place in the file. */
  line?: number;
  column?: number;
  message: string;
}

/** Every refusal of a provisioning or managed policy file: the first problem in the message, all in `problems`. */
export class ProvisioningError extends DeskError {
  readonly source: string;
  readonly field: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly problems: ProvisioningProblem[];
  constructor(source: string, problems: ProvisioningProblem[]) {
    const list = problems.length > 0 ? problems : [{ message: 'invalid provisioning file' }];
    const first = list[0] ?? { message: 'invalid provisioning file' };
    const more = list.length > 1 ? ` (and ${list.length - 1} more)` : '';
    super('provisioning_invalid', `${describeProblem(source, first)}${more}`, { source });
    this.name = 'ProvisioningError';
    this.source = source;
    this.field = first.field;
    this.line = first.line;
    this.column = first.column;
    this.problems = list;
  }
}

/** `kiosk.json line 7, profiles[0].baseUrl: …`; syntax problems carry the column instead of a field. */
export function describeProblem(source: string, problem: ProvisioningProblem): string {
  let place = source;
  if (problem.line !== undefined) place += ` line ${problem.line}`;
  if (problem.field !== undefined) place += `, ${problem.field}`;
  else if (problem.column !== undefined && problem.line !== undefined) place += `, column ${problem.column}`;
  return `${place}: ${problem.message}`;
}

/** Parses and validates the text of a provisioning file; throws ProvisioningError, naming `source`. */
export function parseProvisioning(text: string, source: string): Provisioning {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_PROVISIONING_BYTES) throw new ProvisioningError(source, [tooBig(bytes)]);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = new LineIndex(body);
  if (body.trim() === '') throw new ProvisioningError(source, [{ message: 'the file is empty' }]);

  const errors: ParseError[] = [];
  let root: JsonNode | undefined;
  let value: unknown;
  try {
    // parseTree + getNodeValue (objects without a prototype) rather than parse: a "__proto__" key stays a key.
    root = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    if (errors.length === 0 && root !== undefined) value = getNodeValue(root);
  } catch (error) {
    if (error instanceof RangeError)
      throw new ProvisioningError(source, [{ message: 'the JSON is nested too deeply' }]);
    throw error;
  }
  if (errors.length > 0) throw new ProvisioningError(source, syntaxProblems(body, errors, lines));
  if (root?.type !== 'object') {
    const at = root === undefined ? { line: 1, column: 1 } : lines.at(root.offset);
    throw new ProvisioningError(source, [{ ...at, message: 'the top level must be a JSON object' }]);
  }

  const own = scanTree(root, lines);
  const parsed = provisioningSchema.safeParse(value);
  const fromSchema = parsed.success ? [] : schemaProblems(parsed.error, root, lines, own.claimed);
  const last = Number.MAX_SAFE_INTEGER;
  const rest = [...own.problems, ...fromSchema].sort((a, b) => (a.line ?? last) - (b.line ?? last));
  const problems = [...own.secrets, ...rest];
  if (problems.length > 0 || !parsed.success) throw new ProvisioningError(source, problems);
  return parsed.data;
}

/** Reads a provisioning file (UTF-8, BOM tolerated); an unreadable file is refused with the OS reason. */
export function readProvisioningFile(path: string): Provisioning {
  return parseProvisioning(readProvisioningText(path), path);
}

/** The text of a provisioning file, refusing non-files, oversize files and invalid UTF-8 before parsing. */
export function readProvisioningText(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new ProvisioningError(path, [{ message: `cannot read the file: ${osReason(error)}` }]);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new ProvisioningError(path, [{ message: 'not a regular file' }]);
    if (stat.size > MAX_PROVISIONING_BYTES) throw new ProvisioningError(path, [tooBig(stat.size)]);
    // Read at most one byte past the limit, whatever the size said (the file may grow meanwhile).
    const buffer = Buffer.alloc(MAX_PROVISIONING_BYTES + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) throw new ProvisioningError(path, [tooBig(length)]);
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length));
    } catch {
      throw new ProvisioningError(path, [{ message: 'the file is not UTF-8 text' }]);
    }
  } catch (error) {
    if (error instanceof ProvisioningError) throw error;
    throw new ProvisioningError(path, [{ message: `cannot read the file: ${osReason(error)}` }]);
  } finally {
    closeSync(fd);
  }
}

function osReason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function tooBig(bytes: number): ProvisioningProblem {
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return { message: `the file is too large (${mb} MB); a provisioning file is at most 1 MB` };
}

// ---------------------------------------------------------------------------------------------------------------
// Positions

class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  /** 1-based line and column (UTF-16 units, as editors count for the text they show). */
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }
}

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character (strings and names use double quotes)',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing } is expected',
  CloseBracketExpected: 'a closing ] is expected',
  EndOfFileExpected: 'unexpected content after the end of the JSON',
  InvalidCommentToken: 'comments are not allowed (strict JSON)',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape in a string',
  InvalidCharacter: 'control character in a string',
};

function syntaxProblems(text: string, errors: ParseError[], lines: LineIndex): ProvisioningProblem[] {
  const seen = new Set<number>();
  const problems: ProvisioningProblem[] = [];
  for (const error of errors) {
    let offset = error.offset;
    let message = SYNTAX_MESSAGES[printParseErrorCode(error.error)] ?? 'syntax error';
    const comma = trailingCommaBefore(text, offset);
    if (comma !== undefined) {
      offset = comma;
      message = 'trailing comma is not allowed (strict JSON)';
    }
    if (seen.has(offset)) continue;
    seen.add(offset);
    problems.push({ ...lines.at(offset), message: `syntax error: ${message}` });
  }
  return problems;
}

/** The offset of a `,` directly (but for white space) before a `}` or `]` at `offset`. */
function trailingCommaBefore(text: string, offset: number): number | undefined {
  const ch = text[offset];
  if (ch !== '}' && ch !== ']') return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  return text[i] === ',' ? i : undefined;
}

type Path = (string | number)[];

/** `profiles[0].baseUrl`; `(file)` for the top level. */
export function formatField(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? '(file)' : out;
}

/** The node for `path`, or its nearest existing parent. A value is placed at its key. */
function placeOf(root: JsonNode, path: readonly PropertyKey[], lines: LineIndex): { line: number; column: number } {
  let node: JsonNode = root;
  for (const segment of path) {
    const next = childAt(node, segment);
    if (next === undefined) break;
    node = next;
  }
  const at = node.parent?.type === 'property' ? node.parent : node;
  return lines.at(at.offset);
}

function childAt(node: JsonNode, segment: PropertyKey): JsonNode | undefined {
  if (node.type === 'array' && typeof segment === 'number') return node.children?.[segment];
  if (node.type !== 'object') return undefined;
  // The last property of that name: the one the value came from.
  const property = node.children?.findLast((p) => p.children?.[0]?.value === String(segment));
  return property?.children?.[1];
}

// ---------------------------------------------------------------------------------------------------------------
// Checks of our own, on the tree: secrets, duplicate keys, profile ids, credentials in base URLs.

// Normalised (lower case, no `_`/`-`) names that contain any of these look like a secret …
const SECRET_PARTS = ['secret', 'password', 'passwd', 'passphrase', 'token', 'pinkey', 'privatekey', 'apikey'];
// … and so do names with one of these words (camelCase or snake_case): `sign`, `signKey`, `signature`.
const SECRET_WORDS = new Set(['sign', 'signature']);

export function looksLikeSecret(name: string): boolean {
  const normalised = name.toLowerCase().replace(/[_\-\s.]/g, '');
  if (SECRET_PARTS.some((part) => normalised.includes(part))) return true;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => SECRET_WORDS.has(word));
}

interface OwnChecks {
  secrets: ProvisioningProblem[];
  problems: ProvisioningProblem[];
  /** Paths our own checks explain better than the schema (their schema issues are dropped). */
  claimed: string[];
}

function scanTree(root: JsonNode, lines: LineIndex): OwnChecks {
  const out: OwnChecks = { secrets: [], problems: [], claimed: [] };
  const stack: { node: JsonNode; path: Path }[] = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    const { node, path } = item;
    if (node.type === 'array') {
      (node.children ?? []).forEach((child, index) => stack.push({ node: child, path: [...path, index] }));
      continue;
    }
    if (node.type !== 'object') continue;
    const firstLine = new Map<string, number>();
    for (const property of node.children ?? []) {
      const keyNode = property.children?.[0];
      const valueNode = property.children?.[1];
      if (keyNode === undefined) continue;
      const key = String(keyNode.value);
      const keyPath = [...path, key];
      const field = formatField(keyPath);
      const { line, column } = lines.at(property.offset);
      if (looksLikeSecret(key)) {
        out.secrets.push({
          field,
          line,
          column,
          message:
            `secrets are never put in a provisioning file: remove ${field} (line ${line}); ` +
            `set it with \`card-desk secret set ${profileIdAt(root, path)}\``,
        });
        out.claimed.push(field);
        continue; // never look inside a secret
      }
      const earlier = firstLine.get(key);
      if (earlier !== undefined) {
        out.problems.push({ field, line, column, message: `duplicate key (first at line ${earlier})` });
      } else firstLine.set(key, line);
      if (valueNode !== undefined) stack.push({ node: valueNode, path: keyPath });
    }
  }
  checkProfiles(root, lines, out);
  return out;
}

/** For a secret inside `profiles[i]`, that profile's id, so the message tells the exact command. */
function profileIdAt(root: JsonNode, path: Path): string {
  const index = path[1];
  if (path[0] !== 'profiles' || typeof index !== 'number') return '<profile id>';
  let id: JsonNode | undefined = childAt(root, 'profiles');
  if (id !== undefined) id = childAt(id, index);
  if (id !== undefined) id = childAt(id, 'id');
  return id?.type === 'string' && typeof id.value === 'string' && /^[a-z0-9-]{1,40}$/.test(id.value)
    ? id.value
    : '<profile id>';
}

function checkProfiles(root: JsonNode, lines: LineIndex, out: OwnChecks): void {
  const profiles = childAt(root, 'profiles');
  if (profiles?.type !== 'array') return;
  const firstAt = new Map<string, number>();
  (profiles.children ?? []).forEach((profile, index) => {
    const idNode = childAt(profile, 'id');
    if (idNode?.type === 'string' && typeof idNode.value === 'string') {
      const id = idNode.value;
      const field = formatField(['profiles', index, 'id']);
      const place = placeOf(root, ['profiles', index, 'id'], lines);
      if (id === EMBEDDED_PROFILE_ID) {
        out.problems.push({ field, ...place, message: `"${id}" is the built-in sandbox profile; choose another id` });
        out.claimed.push(field);
      }
      const earlier = firstAt.get(id);
      if (earlier === undefined) firstAt.set(id, place.line);
      else {
        out.problems.push({ field, ...place, message: `duplicate profile id "${id}" (first at line ${earlier})` });
        out.claimed.push('profiles');
      }
    }
    const urlNode = childAt(profile, 'baseUrl');
    if (urlNode?.type === 'string' && typeof urlNode.value === 'string' && URL.canParse(urlNode.value)) {
      const url = new URL(urlNode.value);
      if (url.username !== '' || url.password !== '') {
        const field = formatField(['profiles', index, 'baseUrl']);
        const place = placeOf(root, ['profiles', index, 'baseUrl'], lines);
        // The value is not shown: it holds credentials.
        out.problems.push({ field, ...place, message: 'a base URL never carries a user name or password' });
        out.claimed.push(field);
      }
    }
  });
}

function schemaProblems(error: z.ZodError, root: JsonNode, lines: LineIndex, claimed: string[]): ProvisioningProblem[] {
  const messages = fieldProblems(error);
  const problems: ProvisioningProblem[] = [];
  error.issues.forEach((issue, index) => {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const field = formatField(path);
        if (!claimed.includes(field)) problems.push({ field, ...placeOf(root, path, lines), message: 'unknown field' });
      }
      return;
    }
    const field = formatField(issue.path);
    // Our own check said it better (duplicate ids, the sandbox id) or must not echo the value (credentials).
    if (claimed.includes(field)) return;
    const message = messages[index]?.message ?? issue.message;
    problems.push({ field, ...placeOf(root, issue.path, lines), message });
  });
  return problems;
}

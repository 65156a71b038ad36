// Places in a JSON file: line and column of an offset, the printed path of a field, the node of a path, and
// syntax errors as sentences (docs/provisioning.md, refusals).
import { printParseErrorCode } from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import type { ProvisioningProblem } from './provisioning-error.ts';

export class LineIndex {
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

export function syntaxProblems(text: string, errors: ParseError[], lines: LineIndex): ProvisioningProblem[] {
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
export function placeOf(
  root: JsonNode,
  path: readonly PropertyKey[],
  lines: LineIndex,
): { line: number; column: number } {
  let node: JsonNode = root;
  for (const segment of path) {
    const next = childAt(node, segment);
    if (next === undefined) break;
    node = next;
  }
  const at = node.parent?.type === 'property' ? node.parent : node;
  return lines.at(at.offset);
}

export function childAt(node: JsonNode, segment: PropertyKey): JsonNode | undefined {
  if (node.type === 'array' && typeof segment === 'number') return node.children?.[segment];
  if (node.type !== 'object') return undefined;
  return propertiesOf(node).get(String(segment))?.children?.[1];
}

// Each object's properties by name, built once: looking a key up by scanning would make placing every key of a
// many-keyed object quadratic (a refused file must be refused fast, docs/provisioning.md).
const propertyMaps = new WeakMap<JsonNode, Map<string, JsonNode>>();

function propertiesOf(node: JsonNode): Map<string, JsonNode> {
  let map = propertyMaps.get(node);
  if (map === undefined) {
    map = new Map();
    // The last property of a name wins: the one the value came from.
    for (const property of node.children ?? []) map.set(String(property.children?.[0]?.value), property);
    propertyMaps.set(node, map);
  }
  return map;
}

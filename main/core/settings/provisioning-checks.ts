// Checks of our own on a provisioning file's tree, which the schema cannot make or says less well: secrets at any
// depth, duplicate keys and profile ids, the reserved sandbox id, credentials in base URLs (docs/provisioning.md).
import type { Node as JsonNode } from 'jsonc-parser';
import type { z } from 'zod';
import { fieldProblems } from '../../../common/card-api/validation.ts';
import { EMBEDDED_PROFILE_ID } from '../../../common/settings/schema.ts';
import { childAt, formatField, placeOf, type LineIndex } from './json-places.ts';
import type { ProvisioningProblem } from './provisioning-error.ts';

type Path = (string | number)[];

// Normalised (lower case, no `_`/`-`) names that contain any of these look like a secret …
const SECRET_PARTS = ['secret', 'password', 'passwd', 'passphrase', 'token', 'pinkey', 'privatekey', 'apikey'];
// … and so do names with one of these words (camelCase or snake_case): `sign`, `signKey`, `signature`.
const SECRET_WORDS = new Set(['sign', 'signature']);

const SECRET_PART = new RegExp(SECRET_PARTS.join('|'));

export function looksLikeSecret(name: string): boolean {
  if (SECRET_PART.test(name.toLowerCase().replace(/[_\-\s.]/g, ''))) return true;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => SECRET_WORDS.has(word));
}

export interface OwnChecks {
  secrets: ProvisioningProblem[];
  problems: ProvisioningProblem[];
  /** Paths our own checks explain better than the schema (their schema issues are dropped). */
  claimed: string[];
}

// Linear in the size of the file: a key's path, field name and line are worked out only for a key that is
// reported, and only objects and arrays are visited (a refusal must stay fast, docs/provisioning.md).
export function scanTree(root: JsonNode, lines: LineIndex): OwnChecks {
  const out: OwnChecks = { secrets: [], problems: [], claimed: [] };
  const stack: { node: JsonNode; path: Path }[] = [{ node: root, path: [] }];
  const visit = (node: JsonNode | undefined, path: () => Path) => {
    if (node?.type === 'object' || node?.type === 'array') stack.push({ node, path: path() });
  };
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    const { node, path } = item;
    if (node.type === 'array') {
      (node.children ?? []).forEach((child, index) => {
        visit(child, () => [...path, index]);
      });
      continue;
    }
    const firstOffset = new Map<string, number>();
    for (const property of node.children ?? []) {
      const keyNode = property.children?.[0];
      const valueNode = property.children?.[1];
      if (keyNode === undefined) continue;
      const key = String(keyNode.value);
      if (looksLikeSecret(key)) {
        const field = formatField([...path, key]);
        const { line, column } = lines.at(property.offset);
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
      const earlier = firstOffset.get(key);
      if (earlier !== undefined) {
        const { line, column } = lines.at(property.offset);
        const first = lines.at(earlier).line;
        out.problems.push({
          field: formatField([...path, key]),
          line,
          column,
          message: `duplicate key (first at line ${first})`,
        });
      } else firstOffset.set(key, property.offset);
      visit(valueNode, () => [...path, key]);
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

export function schemaProblems(
  error: z.ZodError,
  root: JsonNode,
  lines: LineIndex,
  claimed: string[],
): ProvisioningProblem[] {
  const messages = fieldProblems(error);
  const ours = new Set(claimed);
  const problems: ProvisioningProblem[] = [];
  error.issues.forEach((issue, index) => {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const field = formatField(path);
        if (!ours.has(field)) problems.push({ field, ...placeOf(root, path, lines), message: 'unknown field' });
      }
      return;
    }
    const field = formatField(issue.path);
    // Our own check said it better (duplicate ids, the sandbox id) or must not echo the value (credentials).
    if (ours.has(field)) return;
    const message = messages[index]?.message ?? issue.message;
    problems.push({ field, ...placeOf(root, issue.path, lines), message });
  });
  return problems;
}

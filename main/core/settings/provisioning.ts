// The offline provisioning file: strict JSON an IT admin copies to a kiosk. Every refusal names the
// field and the line, and never echoes a value that could be a secret. Reading only; applying is in policy.ts.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { getNodeValue, parseTree } from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { provisioningSchema, type Provisioning } from '../../../common/settings/schema.ts';
import { LineIndex, syntaxProblems } from './json-places.ts';
import { schemaProblems, scanTree } from './provisioning-checks.ts';
import { ProvisioningError, type ProvisioningProblem } from './provisioning-error.ts';

export { looksLikeSecret } from './provisioning-checks.ts';
export { ProvisioningError, type ProvisioningProblem } from './provisioning-error.ts';

/** A provisioning (or managed policy) file is small; anything bigger is refused before it is parsed. */
export const MAX_PROVISIONING_BYTES = 1024 * 1024;

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

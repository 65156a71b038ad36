// A provisioning file stuffed with unknown keys, sent to stall the app that refuses it (the preview's and the
// desktop's Import, or the CLI): the refusal must stay linear in the file's size (docs/provisioning.md). The
// test's own time limit is the measure: before the fix this file took about a minute to refuse.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_PROVISIONING_BYTES,
  parseProvisioning,
  ProvisioningError,
  readProvisioningFile,
} from '../../../main/core/settings/provisioning.ts';
import { attack } from '../../support/attack.ts';

const KEYS = 60_000;

function flood(): string {
  const keys = Array.from({ length: KEYS }, (_, i) => `"k${String(i)}": 1`).join(',\n');
  return `{"version": 1,\n${keys}\n}`;
}

function refusal(run: () => unknown): ProvisioningError {
  try {
    run();
  } catch (error) {
    if (error instanceof ProvisioningError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('attack: a provisioning file flooded with unknown keys', () => {
  it('is refused, every key named, within the test time limit', async () => {
    await attack('provisioning file with 60,000 unknown keys', () => {
      const text = flood();
      expect(Buffer.byteLength(text)).toBeLessThan(MAX_PROVISIONING_BYTES); // within the contract's 1 MB
      const refused = refusal(() => parseProvisioning(text, 'flood.json'));
      expect(refused.problems).toHaveLength(KEYS);
      expect(refused.problems[0]).toMatchObject({ field: 'k0', line: 2, message: 'unknown field' });
      expect(refused.problems.at(-1)).toMatchObject({ field: `k${String(KEYS - 1)}`, line: KEYS + 1 });
    });
  });

  it('is refused from a file (the CLI path) too, and a file over 1 MB is not parsed', async () => {
    await attack('provisioning file over 1 MB through the CLI', () => {
      const dir = mkdtempSync(join(tmpdir(), 'card-desk-flood-'));
      const file = join(dir, 'flood.json');
      writeFileSync(file, flood());
      expect(refusal(() => readProvisioningFile(file)).problems).toHaveLength(KEYS);
      const big = join(dir, 'big.json');
      writeFileSync(big, `{"version": 1, "pad": "${'x'.repeat(MAX_PROVISIONING_BYTES)}"}`);
      expect(refusal(() => readProvisioningFile(big)).message).toMatch(/too large .* at most 1 MB$/);
    });
  });
});

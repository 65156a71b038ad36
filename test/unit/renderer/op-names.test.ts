// The operation names of the Requests and Journal screens: the catalog's writes, each with its words.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { OP_IDS, operations } from '../../../common/card-api/catalog/index.ts';
import { JOURNALED_OPS, opLabel, withSeen } from '../../../renderer/src/i18n/op-names.ts';

const LOCALES = join(import.meta.dirname, '..', '..', '..', 'renderer', 'src', 'i18n', 'locales');
const english = JSON.parse(readFileSync(join(LOCALES, 'en', 'journal.json'), 'utf8')) as Record<string, unknown>;

function wordsAt(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
}

const t = ((key: string) => `«${key}»`) as unknown as TFunction;

describe('JOURNALED_OPS', () => {
  it('are the catalog writes, in catalog order', () => {
    expect(JOURNALED_OPS).toEqual(OP_IDS.filter((id) => operations[id].access === 'write'));
    expect(JOURNALED_OPS).toContain('card.block');
    expect(JOURNALED_OPS).not.toContain('card.info');
  });

  it('each have their words', () => {
    for (const op of JOURNALED_OPS) expect(typeof wordsAt(english.op, op), op).toBe('string');
  });

  it('name known operations in words and show an unknown one as it came', () => {
    expect(opLabel(t, 'card.block')).toBe('«journal:op.card.block»');
    expect(opLabel(t, 'card.teleport')).toBe('card.teleport');
  });

  it('list operations seen in the data after the known ones', () => {
    expect(withSeen(['a', 'b'], ['z', 'b', 'c', 'z'])).toEqual(['a', 'b', 'c', 'z']);
  });
});

// A bulk file problem's detail in the operator's words: by its code and figures, never main's English message
// unless this version has no words for the check.
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { problem } from '../../../common/bulk/problems.ts';
import { validateBulkFile } from '../../../main/core/bulk/validate.ts';
import { problemDetail } from '../../../renderer/src/screens/bulk/problem-text.ts';

const t = ((key: string, options?: Record<string, unknown>) => {
  const rest = { ...options };
  delete rest.defaultValue;
  return Object.keys(rest).length === 0 ? `«${key}»` : `«${key} ${JSON.stringify(rest)}»`;
}) as unknown as TFunction;

const csv = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('problemDetail', () => {
  it('says a problem with figures from its params', () => {
    const duplicate = problem(5, 'phone', 'duplicate_client', 'the same phone as row 2', { earlierRow: 2 });
    expect(problemDetail(t, duplicate)).toBe('«bulk:detail.duplicate_client {"earlierRow":2,"format":""}»');
    const unknown = problem(1, 'nickname', 'unknown_column', 'not a column of the clients format', {
      format: 'clients',
    });
    expect(problemDetail(t, unknown)).toBe('«bulk:detail.unknown_column {"format":"«bulk:history.format.clients»"}»');
  });

  it('says a failed input check in words, with its limit', () => {
    expect(problemDetail(t, problem(2, 'first_name', 'invalid', 'Latin letters only'))).toBe(
      '«bulk:detail.expected.latin {"max":""}»',
    );
    expect(problemDetail(t, problem(2, 'email', 'invalid', 'at most 64 characters'))).toBe(
      '«bulk:detail.expected.maxLength {"max":"64"}»',
    );
  });

  it('shows a message as it came when it has no words or lacks its figures', () => {
    expect(problemDetail(t, problem(2, 'x', 'invalid', 'a brand new check'))).toBe('a brand new check');
    expect(problemDetail(t, problem(3, 'phone', 'duplicate_client', 'the same phone as row 2'))).toBe(
      'the same phone as row 2',
    );
  });

  it('has the figures of the problems main finds in a file', () => {
    const header = 'product_id;phone;type;resident;first_name;last_name;card_kind';
    const row = '2000;77011234567;1;1;ALMA;TEST;virtual';
    const found = validateBulkFile(csv(`${header};nickname\n${row};x\n`)).problems;
    expect(found.map((p) => problemDetail(t, p))).toEqual([
      '«bulk:detail.unknown_column {"format":"«bulk:history.format.clients»"}»',
    ]);
    const twice = validateBulkFile(csv(`${header}\n${row}\n${row}\n`)).problems;
    expect(twice.map((p) => problemDetail(t, p))).toEqual([
      '«bulk:detail.duplicate_client {"earlierRow":2,"format":""}»',
    ]);
  });
});

// Repeats of one refused approval are folded in the audit (main/core/session/refusal-fold.ts): one record a
// minute per kind, naming how many like it were refused since the record before.
import { describe, expect, it } from 'vitest';
import { FOLD_MS, RefusalFold } from '../../../main/core/session/refusal-fold.ts';

describe('refusal fold', () => {
  it('writes the first refusal, folds repeats within a minute, and counts them in the next record', () => {
    let now = 1_000_000;
    const fold = new RefusalFold(() => now);
    expect(fold.admit('a')).toBe(0);
    for (let i = 0; i < 499; i++) expect(fold.admit('a')).toBeUndefined();
    now += FOLD_MS - 1;
    expect(fold.admit('a')).toBeUndefined();
    now += 1;
    expect(fold.admit('a')).toBe(500);
    // Nothing folded since: the next record after a minute names none.
    now += FOLD_MS;
    expect(fold.admit('a')).toBe(0);
  });

  it('keeps each kind of refusal apart', () => {
    const fold = new RefusalFold(() => 0);
    expect(fold.admit('a')).toBe(0);
    expect(fold.admit('b')).toBe(0);
    expect(fold.admit('a')).toBeUndefined();
  });
});

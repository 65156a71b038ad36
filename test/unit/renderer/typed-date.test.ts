// A typed date: ISO or day first, as in all five UI languages; an impossible date is refused, not moved.
import { describe, expect, it } from 'vitest';
import { parseTypedDate } from '../../../renderer/src/components/typed-date.ts';

describe('parseTypedDate', () => {
  it('takes ISO and day-first dates', () => {
    expect(parseTypedDate('2026-12-06')).toBe('2026-12-06');
    expect(parseTypedDate(' 06.12.2026 ')).toBe('2026-12-06');
    expect(parseTypedDate('6/12/2026')).toBe('2026-12-06');
    expect(parseTypedDate('06-12-2026')).toBe('2026-12-06');
  });

  it('refuses what is no real date', () => {
    expect(parseTypedDate('31.02.2026')).toBeNull();
    expect(parseTypedDate('2026-13-01')).toBeNull();
    expect(parseTypedDate('12/2026')).toBeNull();
    expect(parseTypedDate('')).toBeNull();
  });
});

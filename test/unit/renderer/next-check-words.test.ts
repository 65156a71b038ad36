// What the screens say about an open operation's next check: now, in so long (which attempt), or not from here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { nextCheckShort, nextCheckWords, waitWords } from '../../../renderer/src/components/next-check-words.ts';

const LOCALES = join(import.meta.dirname, '..', '..', '..', 'renderer', 'src', 'i18n', 'locales');
let t: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  const requests = JSON.parse(readFileSync(join(LOCALES, 'en', 'requests.json'), 'utf8')) as Record<string, unknown>;
  await instance.init({ lng: 'en', resources: { en: { requests } }, interpolation: { escapeValue: false } });
  t = instance.t;
});

const NOW = 1_000_000;

describe('next check in words', () => {
  it('counts down to the next check and names the attempt', () => {
    const check = { nextCheckAt: NOW + 11_200, attempt: 3, checking: false };
    expect(nextCheckWords(t, check, NOW)).toBe('Asking the bank again in 12 s (attempt 3).');
    expect(nextCheckWords(t, check, NOW + 10_500)).toBe('Asking the bank again in 1 s (attempt 3).');
    expect(nextCheckShort(t, check, NOW)).toBe('in 12 s (#3)');
  });

  it('says "now" while a check runs or once it is due', () => {
    expect(nextCheckWords(t, { nextCheckAt: NOW + 5_000, attempt: 2, checking: true }, NOW)).toBe(
      'Asking the bank now (attempt 2)…',
    );
    expect(nextCheckWords(t, { nextCheckAt: NOW, attempt: 4, checking: false }, NOW)).toBe(
      'Asking the bank now (attempt 4)…',
    );
    expect(nextCheckShort(t, { nextCheckAt: NOW - 1, attempt: 4, checking: false }, NOW)).toBe('asking now');
  });

  it('says when it is not checked from here', () => {
    expect(nextCheckWords(t, { nextCheckAt: null, attempt: 1, checking: false }, NOW)).toMatch(/Re-check now/);
    expect(nextCheckShort(t, { nextCheckAt: null, attempt: 1, checking: false }, NOW)).toBe('not checked here');
  });

  it('writes minutes past the first one', () => {
    expect(waitWords(t, 59_001)).toBe('1 min 0 s');
    expect(waitWords(t, 245_000)).toBe('4 min 5 s');
    expect(waitWords(t, 300_000)).toBe('5 min 0 s');
  });
});

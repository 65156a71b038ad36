// Gift product names come in Russian and English only: the one that fits the UI language, and which it is.
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { labelledProductName, nameLanguageNote, productNameIn } from '../../../renderer/src/screens/gift/gift-words.ts';

const product = { name: 'Подарочная карта 5000', name_en: 'Gift card 5000' };
const t = ((key: string, options?: { language?: string }) =>
  options?.language === undefined ? key : `(${key} ${options.language})`) as unknown as TFunction;

describe('gift product names', () => {
  it('are English in English and Russian in Russian, Kazakh, Kyrgyz and Uzbek', () => {
    expect(productNameIn(product, 'en')).toEqual({ name: 'Gift card 5000', lang: 'en' });
    for (const language of ['ru', 'kk', 'ky', 'uz'] as const) {
      expect(productNameIn(product, language)).toEqual({ name: 'Подарочная карта 5000', lang: 'ru' });
    }
  });

  it('fall back to the other name when one is empty', () => {
    expect(productNameIn({ name: 'Подарок', name_en: ' ' }, 'en')).toEqual({ name: 'Подарок', lang: 'ru' });
    expect(productNameIn({ name: '', name_en: 'Gift' }, 'kk')).toEqual({ name: 'Gift', lang: 'en' });
  });

  it('say their language when it is not the UI language', () => {
    expect(nameLanguageNote(t, 'ru', 'ru')).toBeUndefined();
    expect(nameLanguageNote(t, 'ru', 'kk')).toBe('(gift:products.inLanguage gift:products.language.ru)');
    expect(labelledProductName(t, product, 'uz')).toBe(
      'Подарочная карта 5000 (gift:products.inLanguage gift:products.language.ru)',
    );
    expect(labelledProductName(t, product, 'en')).toBe('Gift card 5000');
  });
});

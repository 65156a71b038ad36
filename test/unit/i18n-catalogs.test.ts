// The UI's translations: every language has every key of English, the plural forms its own grammar needs
// (Intl.PluralRules: Russian one/few/many/other, Kazakh, Kyrgyz and Uzbek one/other), the same {{variables}},
// no empty text; and every error code main can answer has a sentence.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../common/contract/index.ts';
import { LOCALE_OF, NAMESPACES } from '../../renderer/src/i18n/languages.ts';
import { filesUnder } from '../support/files-under.ts';

const LOCALES = join(import.meta.dirname, '..', '..', 'renderer', 'src', 'i18n', 'locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function load(language: string, namespace: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(join(LOCALES, language, `${namespace}.json`), 'utf8')) as Tree);
}

/** Keys with plural suffixes folded to their base, each base with the categories present. */
function shape(keys: Iterable<string>): { plain: Set<string>; plural: Map<string, Set<string>> } {
  const plain = new Set<string>();
  const plural = new Map<string, Set<string>>();
  for (const key of keys) {
    const match = PLURAL.exec(key);
    if (match === null) plain.add(key);
    else {
      const base = key.slice(0, match.index);
      plural.set(base, (plural.get(base) ?? new Set()).add(match[1] ?? ''));
    }
  }
  return { plain, plural };
}

const variables = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

describe('translation catalogs', () => {
  it('has a file per language and namespace, and nothing else', () => {
    expect(readdirSync(LOCALES).sort()).toEqual([...LANGUAGES].sort());
    for (const language of LANGUAGES) {
      expect(readdirSync(join(LOCALES, language)).sort(), language).toEqual(NAMESPACES.map((n) => `${n}.json`).sort());
    }
  });

  for (const namespace of NAMESPACES) {
    it(`${namespace}: every language has every key, its plural forms and the same variables`, () => {
      const english = load('en', namespace);
      const reference = shape(english.keys());
      expect(english.size).toBeGreaterThan(0);
      for (const language of LANGUAGES) {
        const catalog = load(language, namespace);
        const own = shape(catalog.keys());
        const missing = [...reference.plain].filter((k) => !own.plain.has(k));
        const extra = [...own.plain].filter((k) => !reference.plain.has(k));
        expect({ language, missing, extra }).toEqual({ language, missing: [], extra: [] });
        const categories = new Intl.PluralRules(LOCALE_OF[language]).resolvedOptions().pluralCategories;
        for (const base of reference.plural.keys()) {
          const forms = own.plural.get(base) ?? new Set();
          const absent = categories.filter((c) => !forms.has(c));
          expect({ language, key: base, absent }).toEqual({ language, key: base, absent: [] });
        }
        for (const [key, text] of catalog) {
          expect(text.trim(), `${language}:${namespace}:${key} is empty`).not.toBe('');
          const base = key.replace(PLURAL, '');
          const englishText = english.get(key) ?? english.get(`${base}_other`) ?? '';
          // Plural forms may drop {{count}} (e.g. "one request"), but never invent a variable.
          const allowed = new Set([...variables(englishText), 'count']);
          const unknown = variables(text).filter((v) => !allowed.has(v));
          expect({ key: `${language}:${namespace}:${key}`, unknown }).toEqual({
            key: `${language}:${namespace}:${key}`,
            unknown: [],
          });
        }
      }
    });
  }

  it('has a sentence for every error code main can answer', () => {
    const sources = filesUnder(join(import.meta.dirname, '..', '..', 'main'))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const codes = new Set<string>();
    for (const pattern of [
      /new DeskError\(\s*'([a-z_]+)'/g,
      /readonly code = '([a-z_]+)'/g,
      /super\(\s*'([a-z_]+)'/g,
      /PinFormatError\('([a-z_]+)'/g,
      /\bcode: '([a-z_]+)'/g,
    ]) {
      for (const match of sources.matchAll(pattern)) codes.add(match[1] ?? '');
    }
    codes.delete('custom'); // zod's own issue code, never answered to the renderer
    expect(codes.size).toBeGreaterThan(10);
    for (const language of LANGUAGES) {
      const errors = load(language, 'errors');
      const untranslated = [...codes].filter((code) => !errors.has(`contract.${code}`) && !errors.has(`api.${code}`));
      expect({ language, untranslated }).toEqual({ language, untranslated: [] });
    }
  });
});

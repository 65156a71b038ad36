// The app's own CLDR data for Intl (docs/operator-ui.md, Languages and local formats). Chromium builds without
// ICU data for kk, ky and uz format their dates as "2026 M12 6" and money as US English, so the FormatJS
// polyfills replace Intl.PluralRules, Intl.NumberFormat and Intl.DateTimeFormat in every language, even where
// the browser claims support. Polyfills and data are loaded on demand: they are not in the initial bundle,
// and a language's data is read only when that language is chosen.
import type { Language } from './languages.ts';
// The browser's zone, read before the polyfill replaces Intl.DateTimeFormat (the polyfill would otherwise
// format in UTC).
import { browserTimeZone } from './time-zones.ts';

type Loader = () => Promise<unknown>;

// One line per language: plural rules, numbers (with currencies), dates, and the date fields' dayjs locale.
// Static paths so that the bundler makes one chunk of each.
const DATA: Record<Language, Loader[]> = {
  en: [
    () => import('@formatjs/intl-pluralrules/locale-data/en.js'),
    () => import('@formatjs/intl-numberformat/locale-data/en-GB.js'),
    () => import('@formatjs/intl-datetimeformat/locale-data/en-GB.js'),
    () => import('dayjs/locale/en-gb.js'),
  ],
  ru: [
    () => import('@formatjs/intl-pluralrules/locale-data/ru.js'),
    () => import('@formatjs/intl-numberformat/locale-data/ru.js'),
    () => import('@formatjs/intl-datetimeformat/locale-data/ru.js'),
    () => import('dayjs/locale/ru.js'),
  ],
  kk: [
    () => import('@formatjs/intl-pluralrules/locale-data/kk.js'),
    () => import('@formatjs/intl-numberformat/locale-data/kk.js'),
    () => import('@formatjs/intl-datetimeformat/locale-data/kk.js'),
    () => import('dayjs/locale/kk.js'),
  ],
  ky: [
    () => import('@formatjs/intl-pluralrules/locale-data/ky.js'),
    () => import('@formatjs/intl-numberformat/locale-data/ky.js'),
    () => import('@formatjs/intl-datetimeformat/locale-data/ky.js'),
    () => import('dayjs/locale/ky.js'),
  ],
  uz: [
    () => import('@formatjs/intl-pluralrules/locale-data/uz.js'),
    () => import('@formatjs/intl-numberformat/locale-data/uz.js'),
    () => import('@formatjs/intl-datetimeformat/locale-data/uz.js'),
    () => import('dayjs/locale/uz-latn.js'),
  ],
};

interface PolyfilledDateTimeFormat {
  __setDefaultTimeZone?: (timeZone: string) => void;
}

async function installPolyfills(): Promise<void> {
  await import('./intl-polyfills.ts');
  try {
    (Intl.DateTimeFormat as PolyfilledDateTimeFormat).__setDefaultTimeZone?.(browserTimeZone);
  } catch {
    // A zone the data does not know: times stay in UTC rather than the app failing to start.
  }
}

let polyfills: Promise<void> | undefined;
let version = 0;
const languages = new Map<Language, Promise<void>>();
const listeners = new Set<() => void>();

/** Starts loading the polyfills (any language needs them) before the language is known. */
export function preloadPolyfills(): void {
  polyfills ??= installPolyfills();
  polyfills.catch(() => undefined); // a failure shows when a language's data is loaded
}

/** Loads the polyfills once and a language's data once; resolves when that language formats correctly. */
export function loadLocaleData(language: Language): Promise<void> {
  polyfills ??= installPolyfills();
  let loading = languages.get(language);
  if (loading === undefined) {
    loading = polyfills
      .then(() => Promise.all(DATA[language].map((load) => load())))
      .then(() => {
        version += 1;
        for (const listener of listeners) listener();
      });
    // A failed load (a chunk missing) may be tried again on the next change of language.
    loading.catch(() => languages.delete(language));
    languages.set(language, loading);
  }
  return loading;
}

/** Called after new locale data arrives, so that cached formatters are built again. */
export function onLocaleData(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Counts the arrivals of locale data: a screen that formats before its language's data is in renders again. */
export function localeDataVersion(): number {
  return version;
}

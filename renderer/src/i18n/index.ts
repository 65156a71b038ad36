// i18next with every language shipped in the app (it works offline): locales/<language>/<namespace>.json. A
// language's files are one chunk (vite.renderer.config.ts), read when the language is first needed (at start: the operator's language and
// the English fallback; on a switch: the new one, before the switch shows), so the JavaScript read before the
// first screen does not carry five languages (docs/operator-ui.md, "Speed on a small PC").
// A unit test fails when any language lacks a key of English or a plural form its language needs.
import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, NAMESPACES, type Language } from './languages.ts';
import { loadLocaleData, preloadPolyfills } from './locale-data.ts';

const files = import.meta.glob<ResourceKey>('./locales/*/*.json', { import: 'default' });

/** An i18next backend over the bundled locale chunks. */
const bundledLocales: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = files[`./locales/${language}/${namespace}.json`];
    if (load === undefined) {
      callback(new Error(`no locale file ${language}/${namespace}`), false);
      return;
    }
    load().then(
      (content) => {
        callback(null, content);
      },
      (error: unknown) => {
        callback(error instanceof Error ? error : new Error(String(error)), false);
      },
    );
  },
};

export const i18n = i18next.createInstance();

function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

// Whoever changes the language (the settings follower, a test), the new language's dates, numbers and plural
// rules are ready before the first screen renders in it. A failed load keeps the language change: text in the
// right language with fallback formats beats a language that cannot be chosen.
const changeLanguage = i18n.changeLanguage.bind(i18n);
i18n.changeLanguage = async (lng, callback) => {
  if (isLanguage(lng)) await loadLocaleData(lng).catch(() => undefined);
  return changeLanguage(lng, callback);
};

/** The language the app shows now. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

/**
 * Starts reading what every language needs (the Intl polyfills, the English fallback texts) before the operator's
 * language is known, so that the first screen does not wait for them after the settings arrive.
 */
export function preloadI18n(): void {
  preloadPolyfills();
  for (const ns of NAMESPACES) files[`./locales/en/${ns}.json`]?.().catch(() => undefined);
}

export async function initI18n(language: Language = 'ru'): Promise<void> {
  // The first screen (sign-in or first start) waits for its texts only. The formats' data (the Intl polyfills,
  // over half a megabyte) goes on loading behind it; the desk, which formats money and dates everywhere, waits for
  // it before it shows (App.tsx), and the sign-in screen renders again when it arrives (useFormattingLanguage).
  void loadLocaleData(language).catch(() => undefined);
  const texts = [language, 'en'].flatMap((lng) =>
    NAMESPACES.map((ns) => files[`./locales/${lng}/${ns}.json`]?.().catch(() => undefined)),
  );
  await Promise.all(texts.filter((text) => text !== undefined));
  await i18n
    .use(bundledLocales)
    .use(initReactI18next)
    .init({
      lng: language,
      supportedLngs: [...LANGUAGES],
      fallbackLng: 'en',
      ns: [...NAMESPACES],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  document.documentElement.lang = language;
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
}

// i18next with every language bundled (the app works offline): locales/<language>/<namespace>.json.
// A unit test fails when any language lacks a key of English or a plural form its language needs.
import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, NAMESPACES, type Language } from './languages.ts';

const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });

function resources(): Resource {
  const out: Resource = {};
  for (const [path, content] of Object.entries(files)) {
    const match = /\.\/locales\/([a-z]+)\/([a-z]+)\.json$/.exec(path);
    if (match === null) continue;
    const [, language = '', namespace = ''] = match;
    out[language] = { ...out[language], [namespace]: content };
  }
  return out;
}

export const i18n = i18next.createInstance();

export async function initI18n(language: Language = 'ru'): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: resources(),
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

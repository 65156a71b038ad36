// The current UI language as a typed value, re-rendering on change.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from './languages.ts';
import { localeDataVersion, onLocaleData } from './locale-data.ts';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return (LANGUAGES as readonly string[]).includes(lng) ? (lng as Language) : 'en';
}

/**
 * The current language for a screen that formats dates or numbers before the desk loads (the sign-in screen):
 * it renders again when the language's formats arrive, since the first screen does not wait for them.
 */
export function useFormattingLanguage(): Language {
  useSyncExternalStore(onLocaleData, localeDataVersion);
  return useLanguage();
}

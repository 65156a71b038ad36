// The current UI language as a typed value, re-rendering on change.
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from './languages.ts';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return (LANGUAGES as readonly string[]).includes(lng) ? (lng as Language) : 'en';
}

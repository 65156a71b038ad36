// Compact date and time for table cells ("23.11.2026, 22:47"): the medium date style does not fit a column in
// every language. Cached per language, since a formatter per cell would be slow.
import { LOCALE_OF, type Language } from '../../i18n/languages.ts';

const formatters = new Map<Language, Intl.DateTimeFormat>();

export function shortDateTime(ms: number, language: Language): string {
  let formatter = formatters.get(language);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(LOCALE_OF[language], { dateStyle: 'short', timeStyle: 'short' });
    formatters.set(language, formatter);
  }
  return formatter.format(ms);
}

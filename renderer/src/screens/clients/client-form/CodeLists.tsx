// Suggestions for the code fields: the region's countries and languages, while any other code may be typed.
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

export const COUNTRY_LIST_ID = 'client-country-codes';
export const LANGUAGE_LIST_ID = 'client-language-codes';
export const COUNTRY_SUGGESTIONS = ['KAZ', 'KGZ', 'UZB', 'RUS', 'TJK', 'TKM'] as const;
export const LANGUAGE_SUGGESTIONS = ['ru', 'kk', 'ky', 'uz', 'en'] as const;

export function CodeLists(): ReactElement {
  const { t } = useTranslation('clients');
  return (
    <>
      <datalist id={COUNTRY_LIST_ID}>
        {COUNTRY_SUGGESTIONS.map((code) => (
          <option key={code} value={code} label={t(`codes.countries.${code}`)} />
        ))}
      </datalist>
      <datalist id={LANGUAGE_LIST_ID}>
        {LANGUAGE_SUGGESTIONS.map((code) => (
          <option key={code} value={code} label={t(`codes.languages.${code}`)} />
        ))}
      </datalist>
    </>
  );
}

// Suggestions for the language code field, while any other code may be typed (countries have their own select).
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

export const LANGUAGE_LIST_ID = 'client-language-codes';
export const LANGUAGE_SUGGESTIONS = ['ru', 'kk', 'ky', 'uz', 'en'] as const;

export function CodeLists(): ReactElement {
  const { t } = useTranslation('clients');
  return (
    <datalist id={LANGUAGE_LIST_ID}>
      {LANGUAGE_SUGGESTIONS.map((code) => (
        <option key={code} value={code} label={t(`codes.languages.${code}`)} />
      ))}
    </datalist>
  );
}

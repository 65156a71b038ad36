// The UI language is a setting kept in main (so policy and provisioning can set it); follow it.
import { useEffect } from 'react';
import { useSettings } from '../api/shared-queries.ts';
import { i18n } from '../i18n/index.ts';

export function useUiLanguage(): void {
  const settings = useSettings();
  const language = settings.data?.values.language;
  useEffect(() => {
    if (language !== undefined && i18n.language !== language) void i18n.changeLanguage(language);
  }, [language]);
}

// The UI language: each language listed under its own name, applied as soon as it is chosen. Every operator may
// choose it (settings.setLanguage); the other preferences are an administrator's.
import { NativeSelect, Stack } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, type SettingsView } from '../../../../../common/contract/index.ts';
import { useSetLanguage } from '../../../api/session.ts';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { LANGUAGE_NAMES } from '../../../i18n/languages.ts';
import { isLocked, PolicyMark } from '../PolicyMark.tsx';

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

export function LanguageField({ view }: { view: SettingsView }): ReactElement {
  const { t } = useTranslation('settings');
  const update = useSetLanguage();
  return (
    <Stack gap={4}>
      <NativeSelect
        label={t('preferences.language')}
        value={view.values.language}
        disabled={isLocked(view, 'language') || update.busy}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isLanguage(value)) void update.run({ language: value });
        }}
        className="settings-narrow"
        data-testid="language-select"
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </NativeSelect>
      <PolicyMark view={view} setting="language" />
      <WriteOutcome write={update} only="problems" testId="language-result" />
    </Stack>
  );
}

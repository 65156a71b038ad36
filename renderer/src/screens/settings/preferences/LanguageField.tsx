// The UI language: each language listed under its own name, applied as soon as it is chosen. Every operator may
// choose it (settings.setLanguage); the other preferences are an administrator's.
import { Stack } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../../common/contract/index.ts';
import { useSetLanguage } from '../../../api/session.ts';
import { LanguageSelect } from '../../../components/LanguageSelect.tsx';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { isLocked, PolicyMark } from '../PolicyMark.tsx';

export function LanguageField({ view }: { view: SettingsView }): ReactElement {
  const { t } = useTranslation('settings');
  const update = useSetLanguage();
  return (
    <Stack gap={4}>
      <LanguageSelect
        label={t('preferences.language')}
        value={view.values.language}
        disabled={isLocked(view, 'language') || update.busy}
        onChange={(language) => void update.run({ language })}
        className="settings-narrow"
        testId="language-select"
      />
      <PolicyMark view={view} setting="language" />
      <WriteOutcome write={update} only="problems" testId="language-result" />
    </Stack>
  );
}

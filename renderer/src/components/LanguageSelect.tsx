// The UI language as a select, each language under its own name (the Settings preference and the first start).
import { NativeSelect } from '@mantine/core';
import type { ReactElement } from 'react';
import { LANGUAGES, type Language } from '../../../common/contract/index.ts';
import { LANGUAGE_NAMES } from '../i18n/languages.ts';

export function LanguageSelect({
  label,
  value,
  onChange,
  disabled,
  className,
  testId,
}: {
  label: string;
  value: Language;
  onChange: (language: Language) => void;
  disabled?: boolean;
  className?: string;
  testId: string;
}): ReactElement {
  return (
    <NativeSelect
      label={label}
      value={value}
      disabled={disabled}
      onChange={(event) => {
        const chosen = LANGUAGES.find((language) => language === event.currentTarget.value);
        if (chosen !== undefined) onChange(chosen);
      }}
      className={className}
      data-testid={testId}
    >
      {LANGUAGES.map((language) => (
        <option key={language} value={language} lang={language}>
          {LANGUAGE_NAMES[language]}
        </option>
      ))}
    </NativeSelect>
  );
}

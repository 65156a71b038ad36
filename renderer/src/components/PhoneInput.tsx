// Phone entry for KZ / KG / UZ: a country and the number; `onChange` receives the E.164 digits (or undefined
// while the text is not a valid number of that country), and the field says why it is not.
import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CALLING_CODE, PHONE_COUNTRIES, parsePhone, phoneCountryOf, type PhoneCountry } from './phone.ts';

export interface PhoneInputProps {
  label: string;
  value: number | undefined;
  onChange: (digits: number | undefined) => void;
  onBlur?: () => void;
  /** An error from the form (e.g. "required"); the field's own parse error takes precedence. */
  error?: string;
  required?: boolean;
  testId?: string;
}

export function PhoneInput({ label, value, onChange, onBlur, error, required, testId }: PhoneInputProps): ReactElement {
  const { t } = useTranslation();
  const [country, setCountry] = useState<PhoneCountry>(phoneCountryOf(value));
  const [text, setText] = useState(value === undefined ? '' : `+${String(value)}`);
  const [touched, setTouched] = useState(false);
  const parsed = parsePhone(text, country);
  const ownError = touched && !parsed.ok && parsed.problem !== 'empty' ? t(`phone.${parsed.problem}`) : undefined;

  function update(nextText: string, nextCountry: PhoneCountry): void {
    setText(nextText);
    setCountry(nextCountry);
    const result = parsePhone(nextText, nextCountry);
    onChange(result.ok ? result.digits : undefined);
  }

  return (
    <Group align="flex-start" gap="xs" wrap="nowrap" data-testid={testId}>
      <NativeSelect
        label={t('phone.country')}
        value={country}
        data={PHONE_COUNTRIES.map((c) => ({ value: c, label: `${t(`phone.countries.${c}`)} ${CALLING_CODE[c]}` }))}
        onChange={(event) => {
          update(text, event.currentTarget.value as PhoneCountry);
        }}
      />
      <TextInput
        label={label}
        type="tel"
        inputMode="tel"
        autoComplete="off"
        required={required}
        value={text}
        placeholder={CALLING_CODE[country]}
        description={parsed.ok ? parsed.international : undefined}
        error={ownError ?? error}
        onChange={(event) => {
          update(event.currentTarget.value, country);
        }}
        onBlur={() => {
          setTouched(true);
          onBlur?.();
        }}
        className="phone-number"
      />
    </Group>
  );
}

// A date field in the operator's language (docs/operator-ui.md, Languages and local formats): Chromium's native
// date input follows the browser's locale ("mm/dd/yyyy" whatever the UI language), so this is Mantine's
// DateInput with a dayjs locale of the app's choosing (loaded with the language's other data, locale-data.ts).
// The value stays what the forms and the contract use: "YYYY-MM-DD", or "" when empty. The field shows and
// takes that same ISO form, which reads the same in every language (and is what the browser tests type); a
// date typed day first ("06.12.2026") is understood too.
import { DateInput, DatesProvider } from '@mantine/dates';
import '@mantine/dates/styles.css';
import type { ReactElement } from 'react';
import { useController, type FieldValues, type UseControllerProps } from 'react-hook-form';
import { DAYJS_LOCALE } from '../i18n/languages.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { parseTypedDate } from './typed-date.ts';

const VALUE_FORMAT = 'YYYY-MM-DD';

export function DateField<T extends FieldValues>({
  label,
  error,
  testId,
  description,
  ...controller
}: UseControllerProps<T> & {
  label: string;
  error?: string;
  testId?: string;
  description?: string;
}): ReactElement {
  const language = useLanguage();
  const {
    field: { ref, name, value: current, onChange, onBlur },
  } = useController(controller);
  const value = typeof current === 'string' && current !== '' ? current : null;
  return (
    <DatesProvider settings={{ locale: DAYJS_LOCALE[language], firstDayOfWeek: 1 }}>
      <DateInput
        ref={ref}
        name={name}
        label={label}
        error={error}
        description={description}
        value={value}
        onChange={(next) => {
          onChange(next ?? '');
        }}
        onBlur={onBlur}
        valueFormat={VALUE_FORMAT}
        dateParser={parseTypedDate}
        placeholder={VALUE_FORMAT}
        clearable
        data-testid={testId}
      />
    </DatesProvider>
  );
}

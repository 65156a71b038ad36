// A date field in the operator's language (docs/operator-ui.md, Languages and local formats): Chromium's native
// date input follows the browser's locale ("mm/dd/yyyy" whatever the UI language), so this is Mantine's
// DateInput with a dayjs locale of the app's choosing (loaded with the language's other data, locale-data.ts).
// The value stays what the forms and the contract use: "YYYY-MM-DD", or "" when empty. The field shows and
// takes that same ISO form, which reads the same in every language (and is what the browser tests type); a
// date typed day first ("06.12.2026") is understood too.
import { DateInput, DatesProvider } from '@mantine/dates';
import '@mantine/dates/styles.css';
import { useState, type ReactElement, type Ref } from 'react';
import { useController, type FieldPath, type FieldValues, type UseControllerProps } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DAYJS_LOCALE } from '../i18n/languages.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { parseTypedDate } from './typed-date.ts';

const VALUE_FORMAT = 'YYYY-MM-DD';

interface DateInputProps {
  label: string;
  error?: string;
  testId?: string;
  description?: string;
  required?: boolean;
  /** The earliest and latest day that may be chosen, "YYYY-MM-DD". */
  min?: string;
  max?: string;
}

/** A controlled date field: `value` and `onChange` are "YYYY-MM-DD" or "". */
export function DateValueInput({
  value,
  onChange,
  onBlur,
  inputRef,
  testId,
  min,
  max,
  ...shown
}: DateInputProps & {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  name?: string;
  inputRef?: Ref<HTMLInputElement>;
}): ReactElement {
  const language = useLanguage();
  const { t } = useTranslation('common');
  // The calendar opens on click or focus and closes as soon as the operator types: typed dates need no
  // calendar, and an open one would cover the buttons next to the field.
  const [opened, setOpened] = useState(false);
  return (
    <DatesProvider settings={{ locale: DAYJS_LOCALE[language], firstDayOfWeek: 1 }}>
      <DateInput
        {...shown}
        ref={inputRef}
        value={value === '' ? null : value}
        onChange={(next) => {
          setOpened(false);
          onChange(next ?? '');
        }}
        onFocus={() => {
          setOpened(true);
        }}
        onClick={() => {
          setOpened(true);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown') setOpened(false);
        }}
        onBlur={() => {
          setOpened(false);
          onBlur?.();
        }}
        popoverProps={{ opened }}
        minDate={min === '' ? undefined : min}
        maxDate={max === '' ? undefined : max}
        valueFormat={VALUE_FORMAT}
        dateParser={parseTypedDate}
        clearButtonProps={{ 'aria-label': t('action.clearDate') }}
        placeholder={t('date.pattern')}
        data-testid={testId}
      />
    </DatesProvider>
  );
}

/** The same field bound to a react-hook-form field: the controller's props go to it, the rest to the field. */
export function DateField<T extends FieldValues, N extends FieldPath<T> = FieldPath<T>, Out = T>({
  name,
  control,
  rules,
  defaultValue,
  shouldUnregister,
  disabled,
  exact,
  ...input
}: UseControllerProps<T, N, Out> & DateInputProps): ReactElement {
  const { field } = useController({ name, control, rules, defaultValue, shouldUnregister, disabled, exact });
  return (
    <DateValueInput
      {...input}
      inputRef={field.ref}
      name={field.name}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
    />
  );
}

// The identity document scan: chosen, checked (PDF, ≤ 2 MB) and encoded here; the form holds only the base64.
import { FileInput, Fieldset, Loader } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useController } from 'react-hook-form';
import { LOCALE_OF } from '../../../i18n/languages.ts';
import { useLanguage } from '../../../i18n/use-language.ts';
import { formatFileSize, readPdfDocument, type DocumentRead } from './read-document.ts';
import { useClientForm } from './use-client-form.ts';

type Problem = Extract<DocumentRead, { ok: false }>['problem'];

export function DocumentField(): ReactElement {
  const { t, form, errorOf, wallet } = useClientForm();
  const locale = LOCALE_OF[useLanguage()];
  const {
    field: { ref, onBlur, onChange },
  } = useController({ control: form.control, name: 'client.document' });
  const [file, setFile] = useState<File | null>(null);
  const [reading, setReading] = useState(false);
  const [problem, setProblem] = useState<{ problem: Problem; name: string; size: string } | null>(null);

  async function choose(chosen: File | null): Promise<void> {
    setProblem(null);
    setFile(null);
    onChange('');
    if (chosen === null) return;
    setReading(true);
    const read = await readPdfDocument(chosen);
    setReading(false);
    if (!read.ok) {
      setProblem({ problem: read.problem, name: chosen.name, size: formatFileSize(chosen.size, locale) });
      return;
    }
    setFile(chosen);
    onChange(read.base64);
    if (form.formState.isSubmitted) void form.trigger('client.document');
  }

  const description =
    file === null
      ? t('document.hint')
      : t('document.chosen', { name: file.name, size: formatFileSize(file.size, locale) });
  const error =
    problem === null
      ? errorOf('client.document')
      : t(`document.${problem.problem}`, { name: problem.name, size: problem.size });

  return (
    <Fieldset legend={wallet ? t('document.legend') : `${t('document.legend')} (${t('common:field.optional')})`}>
      <FileInput
        ref={ref}
        className="client-field-wide"
        label={t('document.label')}
        description={description}
        placeholder={t('document.placeholder')}
        required={wallet}
        accept="application/pdf,.pdf"
        clearable
        clearButtonProps={{ 'aria-label': t('document.clear') }}
        value={file}
        onChange={(chosen) => void choose(chosen)}
        onBlur={onBlur}
        error={error}
        rightSection={reading ? <Loader size="xs" aria-label={t('document.reading')} /> : undefined}
        data-testid="client-document"
      />
    </Fieldset>
  );
}

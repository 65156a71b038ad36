// The result of checking a file: a summary sentence, what was recognised, and every problem in a table.
import { Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkValidationReport } from '../../../../common/contract/index.ts';
import { Notice } from '../../components/Notice.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { ProblemTable } from './ProblemTable.tsx';

export function ValidationReport({ report }: { report: BulkValidationReport }): ReactElement {
  const { t } = useTranslation('bulk');
  const language = useLanguage();
  const problems = report.problemCount ?? report.problems.length;
  const valid = problems === 0 && report.draftId !== undefined;
  return (
    <div className="bulk-report" data-testid="bulk-report" data-valid={valid}>
      <Notice
        described={
          valid
            ? { tone: 'success', message: t('report.valid', { count: report.rows }) }
            : { tone: 'error', message: t('report.invalid', { count: problems }) }
        }
        testId="bulk-report-summary"
      />
      <dl className="bulk-facts" data-testid="bulk-report-facts">
        <div>
          <dt>{t('report.file')}</dt>
          <dd className="bulk-file-name">{report.fileName}</dd>
        </div>
        <div>
          <dt>{t('report.format')}</dt>
          <dd data-testid="bulk-report-format">{t(`report.formatName.${report.format ?? 'none'}`)}</dd>
        </div>
        <div>
          <dt>{valid ? t('report.rows') : t('report.problems')}</dt>
          <dd data-testid="bulk-report-count">{formatNumber(valid ? report.rows : problems, language)}</dd>
        </div>
      </dl>
      {problems > 0 && (
        <Title order={3} className="bulk-subtitle" id="bulk-problems-title">
          {t('report.problemsTitle')}
        </Title>
      )}
      {problems > 0 && <ProblemTable report={report} />}
    </div>
  );
}

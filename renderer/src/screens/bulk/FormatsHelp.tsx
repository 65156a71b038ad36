// What a bulk file looks like: both formats in words, their columns, and a template of each to start from.
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { BULK_FORMATS, type BulkFormat } from '../../../../common/contract/index.ts';
import { useBulkTemplate } from '../../api/bulk.ts';
import { downloadText } from '../../components/download.ts';
import { WriteOutcome } from '../../components/WriteOutcome.tsx';
import { ADDRESS_PARTS, FORMAT_COLUMNS } from './formats.ts';

export function FormatsHelp(): ReactElement {
  const { t } = useTranslation('bulk');
  const template = useBulkTemplate();
  const download = async (format: BulkFormat): Promise<void> => {
    const file = await template.run(format);
    if (file !== undefined) downloadText(file.fileName, file.content);
  };
  return (
    <section aria-labelledby="bulk-formats-title" data-testid="bulk-formats">
      <Title order={2} id="bulk-formats-title" className="bulk-section-title">
        {t('formats.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('formats.hint')}
      </Text>
      <div className="bulk-formats">
        {BULK_FORMATS.map((format) => (
          <Paper key={format} withBorder p="md" component="article" aria-labelledby={`bulk-format-${format}`}>
            <Stack gap="xs">
              <Title order={3} id={`bulk-format-${format}`} className="bulk-subtitle">
                {t(`formats.${format}.title`)}
              </Title>
              <Text size="sm">{t(`formats.${format}.description`)}</Text>
              <dl className={`bulk-columns bulk-columns-${format}`}>
                {FORMAT_COLUMNS[format].map((column) => (
                  <div key={column.name} className="bulk-column">
                    <dt>
                      <code>{column.name}</code>
                      {column.required && (
                        <>
                          <span className="bulk-required" aria-hidden="true">
                            {' *'}
                          </span>
                          <span className="bulk-sr-only">{t('formats.required')}</span>
                        </>
                      )}
                    </dt>
                    <dd>{t(`formats.columns.${column.key}`, { parts: ADDRESS_PARTS.join(', ') })}</dd>
                  </div>
                ))}
              </dl>
              <div>
                <Button
                  variant="default"
                  onClick={() => void download(format)}
                  loading={template.busy && template.args === format}
                  data-testid={`bulk-template-${format}`}
                >
                  {t(`formats.${format}.template`)}
                </Button>
              </div>
            </Stack>
          </Paper>
        ))}
      </div>
      <Text size="sm" mt="sm" data-testid="bulk-product-1000">
        {t('formats.product1000')}
      </Text>
      <WriteOutcome write={template} only="problems" testId="bulk-template-error" />
    </section>
  );
}

// One printable document: the profile's name, the title, facts, anything more (a statement's rows), the
// operator's signature line and when it was printed. Every text passes safeText: never a whole card number.
import { Fragment, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintLayout } from '../../../common/contract/index.ts';
import { useActiveProfile } from '../api/shared-queries.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { safeText } from './safe-text.ts';

export interface PrintFact {
  label: string;
  value: string;
}

export function PrintDocument({
  layout,
  title,
  facts,
  printedAt,
  signature = true,
  children,
}: {
  layout: PrintLayout;
  title: string;
  facts: readonly PrintFact[];
  printedAt: number;
  signature?: boolean;
  children?: ReactNode;
}): ReactElement {
  const { t } = useTranslation('common');
  const language = useLanguage();
  const profile = useActiveProfile().active;
  return (
    <article className={`print-doc print-doc-${layout}`} lang={language} data-testid="print-doc">
      <header>
        <div className="print-org">{safeText(profile?.name ?? '')}</div>
        <h1>{safeText(title)}</h1>
      </header>
      <dl className="print-facts">
        {facts.map((fact) => (
          <Fragment key={fact.label}>
            <dt>{safeText(fact.label)}</dt>
            <dd>{safeText(fact.value)}</dd>
          </Fragment>
        ))}
      </dl>
      {children}
      {signature && <div className="print-signature">{t('print.signature')}</div>}
      <div className="print-footer">{t('print.printedAt', { time: formatDateTime(printedAt, language) })}</div>
    </article>
  );
}

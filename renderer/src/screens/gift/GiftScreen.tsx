// Gift cards (docs/card-api.md, gift catalog): the merchant's products; issuing a card and activating it with the holder's one-time
// code; and any card by id (status, data and code sent again).
import { Paper, Stack, Title } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ConfirmStep } from './ConfirmStep.tsx';
import { GiftLookup } from './GiftLookup.tsx';
import { IssueForm, type GiftCardRef } from './IssueForm.tsx';
import { ProductList } from './ProductList.tsx';
import './gift.css';

type Step = { kind: 'issue' } | { kind: 'confirm'; card: GiftCardRef; issuedNow: boolean };

export function GiftScreen(): ReactElement {
  const { t } = useTranslation('gift');
  const [step, setStep] = useState<Step>({ kind: 'issue' });
  // A new key per card: the confirm step starts empty for each card.
  const stepKey = step.kind === 'issue' ? 'issue' : `confirm-${String(step.card.cardId)}`;

  return (
    <Stack gap="md" data-testid="gift-screen">
      <PageHeader title={t('title')} />
      <section aria-labelledby="gift-products-title">
        <Title order={2} id="gift-products-title" className="gift-section-title">
          {t('products.title')}
        </Title>
        <ProductList />
      </section>
      <div className="gift-columns">
        <Paper withBorder p="md" component="section" aria-labelledby={`gift-${step.kind}-title`}>
          <Title order={2} id={`gift-${step.kind}-title`} className="gift-section-title">
            {step.kind === 'issue' ? t('issue.title') : t('confirm.title')}
          </Title>
          {step.kind === 'issue' ? (
            <IssueForm
              key={stepKey}
              onIssued={(card) => {
                setStep({ kind: 'confirm', card, issuedNow: true });
              }}
            />
          ) : (
            <ConfirmStep
              key={stepKey}
              card={step.card}
              issuedNow={step.issuedNow}
              onNext={() => {
                setStep({ kind: 'issue' });
              }}
            />
          )}
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="gift-lookup-title">
          <Title order={2} id="gift-lookup-title" className="gift-section-title">
            {t('lookup.title')}
          </Title>
          <GiftLookup
            onConfirm={(card) => {
              setStep({ kind: 'confirm', card, issuedNow: false });
            }}
          />
        </Paper>
      </div>
    </Stack>
  );
}

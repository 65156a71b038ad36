// The Cards section: open a card by id, or one of the cards recently issued from this workstation.
import { Stack } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { OpenCardForm } from './OpenCardForm.tsx';
import { RecentCards } from './RecentCards.tsx';
import './cards.css';

export function CardsScreen(): ReactElement {
  const { t } = useTranslation('cards');
  return (
    <div className="cards-screen" data-testid="cards-screen">
      <PageHeader title={t('list.title')} />
      <Stack gap="md">
        <OpenCardForm />
        <RecentCards />
      </Stack>
    </div>
  );
}

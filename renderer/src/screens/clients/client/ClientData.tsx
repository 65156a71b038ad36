// The client's data as this workstation knows it (docs/operator-ui.md, finding a client or a card): the Card API
// has no read of a client, so what is shown is what was sent when the client was created here and changed since.
import { Alert, Loader, Paper, Text, Title } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CLIENT_PRODUCTS, type DirectoryClientView } from '../../../../../common/contract/index.ts';
import { ErrorNotice } from '../../../components/Notice.tsx';
import { formatDate, formatDateTime, formatPhone } from '../../../i18n/format.ts';
import { useLanguage } from '../../../i18n/use-language.ts';
import './client-data.css';

type Known = Extract<DirectoryClientView, { known: true }>;

function Row({ label, value, testId }: { label: string; value: ReactNode; testId: string }): ReactElement {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
}

function productName(productId: number): string {
  const name = CLIENT_PRODUCTS[productId as keyof typeof CLIENT_PRODUCTS] as string | undefined;
  return name === undefined ? String(productId) : `${String(productId)} · ${name}`;
}

function KnownClient({ client }: { client: Known }): ReactElement {
  const { t } = useTranslation('clients');
  const language = useLanguage();
  const name = [client.lastName, client.firstName, client.middleName].filter((p) => p !== null).join(' ');
  const none = t('known.none');
  return (
    <>
      <dl className="client-data" data-testid="client-data">
        <Row label={t('known.name')} value={name === '' ? none : name} testId="client-data-name" />
        <Row
          label={t('known.phone')}
          value={client.phone === null ? none : formatPhone(client.phone)}
          testId="client-data-phone"
        />
        <Row
          label={t('known.product')}
          value={client.productId === null ? none : productName(client.productId)}
          testId="client-data-product"
        />
        <Row
          label={t('known.birthDate')}
          value={client.birthDate === null ? none : formatDate(client.birthDate, language)}
          testId="client-data-birth-date"
        />
        <Row label={t('known.personId')} value={client.personId ?? none} testId="client-data-person-id" />
        {client.country !== null && (
          <Row label={t('known.country')} value={client.country} testId="client-data-country" />
        )}
        {client.addresses.map((a, i) => (
          <Row
            key={i}
            label={t('known.address', { n: i + 1 })}
            value={[a.lines.join(', '), a.postalCode, a.country].filter((p) => p !== '').join(', ')}
            testId={`client-data-address-${String(i + 1)}`}
          />
        ))}
      </dl>
      <Text size="xs" c="dimmed" mt="xs">
        {t('known.asOf', { when: formatDateTime(client.updatedAt, language) })}
      </Text>
    </>
  );
}

export function ClientData({ view, error }: { view: DirectoryClientView | undefined; error: unknown }): ReactElement {
  const { t } = useTranslation('clients');
  let body: ReactNode;
  if (error !== null && error !== undefined) body = <ErrorNotice error={error} />;
  else if (view === undefined) body = <Loader size="sm" />;
  else if (view.known) body = <KnownClient client={view} />;
  else if (!view.enabled)
    body = (
      <Text size="sm" data-testid="client-data-off">
        {t('known.off')}
      </Text>
    );
  else
    body = (
      <Alert color="yellow" variant="light" role="status" data-testid="client-not-known">
        <Text size="sm" fw={600}>
          {t('known.notKnown')}
        </Text>
        <Text size="sm">{t('known.notKnownWhy')}</Text>
      </Alert>
    );
  return (
    <Paper withBorder p="md" mb="md" component="section" aria-labelledby="client-data-title">
      <Title order={2} size="h4" id="client-data-title" mb="sm">
        {t('known.title')}
      </Title>
      {body}
    </Paper>
  );
}

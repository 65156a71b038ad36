// Warnings above every screen when the audit trail shows tampering (the first record that does not match its
// chain is named), when links of the chain were sealed without the keychain key (not verified), or when
// shipping to the bank's log server is behind (docs/operator-ui.md, frame and navigation).
import { Alert, Stack } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditStatus } from '../api/audit-status.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useLanguage } from '../i18n/use-language.ts';

export function AuditWarnings(): ReactElement | null {
  const { t } = useTranslation();
  const language = useLanguage();
  const status = useAuditStatus(true).data;
  if (status === undefined) return null;
  const { chain, shipping } = status;
  const broken = chain.state === 'broken';
  const unverified = chain.state === 'unverified';
  if (!broken && !unverified && !shipping.behind) return null;
  return (
    <Stack gap="xs" mb="md">
      {broken && (
        <Alert color="red" variant="light" p="xs" role="alert" data-testid="chain-broken">
          {chain.record.table === 'archive'
            ? t('frame.chainBrokenArchive', { file: chain.record.key, seq: chain.record.seq })
            : t('frame.chainBroken', {
                table: t(`frame.chainTable.${chain.record.table}`),
                seq: chain.record.seq,
                key: chain.record.key,
              })}
        </Alert>
      )}
      {unverified && (
        <Alert color="orange" variant="light" p="xs" role="status" data-testid="chain-unverified">
          {t('frame.chainUnverified', {
            links: chain.runs
              .map((r) => (r.from === r.to ? String(r.from) : `${String(r.from)}–${String(r.to)}`))
              .join(', '),
          })}
        </Alert>
      )}
      {shipping.behind && (
        <Alert color="orange" variant="light" p="xs" role="status" data-testid="shipping-behind">
          {shipping.oldestPendingAt === null
            ? t('frame.shippingBehind', { pending: shipping.pending })
            : t('frame.shippingBehindSince', {
                pending: shipping.pending,
                since: formatDateTime(shipping.oldestPendingAt, language),
              })}
        </Alert>
      )}
    </Stack>
  );
}

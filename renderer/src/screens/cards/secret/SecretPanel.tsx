// Secret card data (docs/card-api.md, sensitive data): masked by default; "Reveal" is an explicit, audited action
// that asks for a reason first (RevealReasonForm.tsx); the values show for 30 seconds with a countdown and can be
// copied (the clipboard is cleared again after 30 seconds).
import { Alert, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardSecretData } from '../../../../../common/contract/index.ts';
import { WriteOutcome } from '../../../components/WriteOutcome.tsx';
import { useExpiringClipboard } from '../../../components/use-clipboard.ts';
import { groupInFours } from './pan.ts';
import { useCan } from '../../../api/rights.ts';
import { RevealReasonForm } from './RevealReasonForm.tsx';
import { REVEAL_MS, useRevealedSecret } from './use-revealed-secret.ts';
import { PRIMARY } from '../../../components/colors.ts';

type CopyNotice = 'copied' | 'failed' | null;

function Revealed({
  secret,
  secondsLeft,
  onHide,
}: {
  secret: CardSecretData;
  secondsLeft: number;
  onHide: () => void;
}): ReactElement {
  const { t } = useTranslation(['cards', 'common']);
  const copy = useExpiringClipboard();
  const [notice, setNotice] = useState<CopyNotice>(null);
  const copyValue = async (value: string): Promise<void> => {
    setNotice((await copy(value)) ? 'copied' : 'failed');
  };
  return (
    <Stack gap="sm" data-testid="secret-revealed">
      <dl className="card-facts card-secret">
        <dt>{t('secret.pan')}</dt>
        <dd className="mono secret-pan" data-testid="secret-pan">
          {groupInFours(secret.pan)}
        </dd>
        <dt>{t('secret.cvv')}</dt>
        <dd className="mono" data-testid="secret-cvv">
          {secret.cvv}
        </dd>
        <dt>{t('secret.expiry')}</dt>
        <dd>{secret.expiry}</dd>
        <dt>{t('secret.holder')}</dt>
        <dd>{secret.cardholder_name}</dd>
      </dl>
      <div>
        <Text size="sm" data-testid="secret-countdown">
          {t('secret.countdown', { count: secondsLeft })}
        </Text>
        <Progress value={(secondsLeft * 1000 * 100) / REVEAL_MS} size="sm" aria-hidden="true" mt={4} />
      </div>
      <Group gap="xs">
        <Button size="xs" variant="light" onClick={() => void copyValue(secret.pan)} data-testid="copy-pan">
          {t('secret.copyNumber')}
        </Button>
        <Button size="xs" variant="light" onClick={() => void copyValue(secret.cvv)} data-testid="copy-cvv">
          {t('secret.copyCvv')}
        </Button>
        <Button size="xs" variant="default" onClick={onHide} data-testid="secret-hide">
          {t('secret.hide')}
        </Button>
      </Group>
      {notice !== null && (
        <Alert color={notice === 'copied' ? 'green' : 'red'} role="status" variant="light" data-testid="copy-notice">
          {t(`common:copy.${notice}`)}
        </Alert>
      )}
    </Stack>
  );
}

export function SecretPanel({ cardId, mask, closed }: { cardId: string; mask: string; closed: boolean }): ReactElement {
  const { t } = useTranslation(['cards', 'common']);
  const { secret, secondsLeft, busy, problem, reveal, conceal } = useRevealedSecret(cardId);
  // The reason form is open: asked before every reveal.
  const [asking, setAsking] = useState(false);
  // Revealing is its own right, not a teller's by default: without it only the masked number shows.
  const mayReveal = useCan().call('cards.revealSecret');
  return (
    <Paper withBorder p="md" className="card-panel" data-testid="card-secret">
      <Title order={2} className="card-panel-title">
        {t('secret.title')}
      </Title>
      {secret !== null ? (
        <Revealed secret={secret} secondsLeft={secondsLeft} onHide={conceal} />
      ) : (
        <Stack gap="sm" data-testid="secret-masked">
          <dl className="card-facts">
            <dt>{t('secret.pan')}</dt>
            <dd className="mono">{mask}</dd>
            <dt>{t('secret.cvv')}</dt>
            <dd className="mono">
              <span aria-hidden="true">•••</span>
              <span className="visually-hidden">{t('secret.hidden')}</span>
            </dd>
          </dl>
          {closed ? (
            <Text size="sm" c="dimmed">
              {t('secret.closed')}
            </Text>
          ) : !mayReveal ? null : (
            <>
              <Text size="sm" c="dimmed">
                {t('secret.revealHint')}
              </Text>
              {asking ? (
                <RevealReasonForm
                  cardId={cardId}
                  busy={busy}
                  onReveal={(why) => {
                    void reveal(why).then(() => {
                      setAsking(false);
                    });
                  }}
                  onCancel={() => {
                    setAsking(false);
                  }}
                />
              ) : (
                <Group>
                  <Button
                    color={PRIMARY}
                    onClick={() => {
                      setAsking(true);
                    }}
                    data-testid="secret-reveal"
                  >
                    {t('secret.reveal')}
                  </Button>
                </Group>
              )}
            </>
          )}
          <WriteOutcome write={problem} testId="secret-problem" />
        </Stack>
      )}
    </Paper>
  );
}

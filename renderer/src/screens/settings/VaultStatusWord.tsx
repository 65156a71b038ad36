// A keychain entry's state in words and colour: stored, not set, or the keychain cannot be reached.
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../../../common/contract/index.ts';

/** Tones of settings.css (colour pairs that keep AA contrast); the word is always there too. */
const TONE: Record<VaultStatus, string> = { present: 'good', absent: 'warn', unavailable: 'bad' };

export function VaultStatusWord({ status, testId }: { status: VaultStatus; testId?: string }): ReactElement {
  const { t } = useTranslation('settings');
  return (
    <span className={`settings-pill settings-pill-${TONE[status]}`} data-status={status} data-testid={testId}>
      {t(`vault.${status}`)}
    </span>
  );
}

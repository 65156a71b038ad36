// An entry's state as a coloured word; open states ("Sending", "In progress", "Checking") turn a spinner, so
// work that is still moving is told apart from work that ended. Colour is never the only signal.
import { Loader } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isOpenState, type EntryState } from '../../../../common/contract/index.ts';
import './requests.css';

export function StateBadge({ state }: { state: EntryState }): ReactElement {
  const { t } = useTranslation('common');
  return (
    <span className={`entry-state entry-state-${state}`} data-testid="entry-state" data-state={state}>
      {isOpenState(state) && <Loader size={10} color="currentColor" aria-hidden="true" className="entry-spinner" />}
      {t(`entryState.${state}`)}
    </span>
  );
}

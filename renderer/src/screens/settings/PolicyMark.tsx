// A setting the operator cannot change: a lock mark and who decided it (the organisation's managed policy or
// the provisioning file). Controls it belongs to are disabled by the caller.
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockableSetting, SettingsView } from '../../../../common/contract/index.ts';

export function isLocked(view: SettingsView | undefined, setting: LockableSetting): boolean {
  return view?.locked.includes(setting) ?? false;
}

export function PolicyMark({
  view,
  setting,
}: {
  view: SettingsView | undefined;
  setting: LockableSetting;
}): ReactElement | null {
  const { t } = useTranslation('settings');
  if (view === undefined || !isLocked(view, setting)) return null;
  const source = view.source[setting];
  return (
    <span className="policy-mark" data-testid={`policy-mark-${setting}`} data-source={source}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" className="policy-mark-icon">
        <path
          fill="currentColor"
          d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm-2 6V4.5a2 2 0 1 1 4 0V7H6Z"
        />
      </svg>
      {source === 'provisioned' ? t('policy.provisioned') : t('policy.managed')}
    </span>
  );
}

// Time left as hours, minutes and seconds in the operator's language.
import type { TFunction } from 'i18next';

export function formatDuration(t: TFunction, totalSeconds: number): string {
  const all = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(all / 3600);
  const m = Math.floor((all % 3600) / 60);
  const s = all % 60;
  if (h > 0) return t('bulk:duration.hms', { h, m, s });
  if (m > 0) return t('bulk:duration.ms', { m, s });
  return t('bulk:duration.s', { s });
}

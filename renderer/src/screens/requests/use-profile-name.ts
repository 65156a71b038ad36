// Profile ids as the operator knows them: the profile's name, or the id when the profile is gone.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useProfiles } from '../../api/shared-queries.ts';

export function useProfileName(): (profileId: string | null) => string {
  const { t } = useTranslation('requests');
  const profiles = useProfiles();
  return useCallback(
    (profileId: string | null) =>
      profileId === null ? t('noProfile') : (profiles.data?.find((p) => p.id === profileId)?.name ?? profileId),
    [profiles.data, t],
  );
}

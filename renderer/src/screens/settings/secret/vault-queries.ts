// A profile's keychain entries (present / absent / unavailable), never their values.
import { useQuery } from '@tanstack/react-query';
import { cardDesk } from '../../../api/bridge.ts';

export const vaultKey = (profileId: string) => ['vault', profileId] as const;

export function useVaultStatus(profileId: string | undefined) {
  return useQuery({
    queryKey: vaultKey(profileId ?? ''),
    queryFn: () => cardDesk().vault.status({ profileId: profileId ?? '' }),
    enabled: profileId !== undefined,
    staleTime: 0,
  });
}

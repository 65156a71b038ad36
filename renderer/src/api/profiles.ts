// Connection profiles and their secrets (docs/provisioning.md): save, switch, remove and import profiles; a
// profile's keychain entries (present / absent / unavailable, never their values), setting or clearing the
// merchant secret, creating the PIN key, and the connection test that proves the secret.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ArgsOf, ConnectionTest, ImportReport, ProfileView, VaultStatus } from '../../../common/contract/index.ts';
import { cardDesk } from './bridge.ts';
import { queryKeys } from './query-keys.ts';
import { useWrite, type Write } from './use-write.ts';

export const vaultKey = (profileId: string) => ['vault', profileId] as const;

export function useVaultStatus(profileId: string | undefined) {
  return useQuery({
    queryKey: vaultKey(profileId ?? ''),
    queryFn: () => cardDesk().vault.status({ profileId: profileId ?? '' }),
    enabled: profileId !== undefined,
    staleTime: 0,
  });
}

export type ProfileInput = ArgsOf<'profiles.save'>['profile'];
/** A second operator's approval, where dual control asks for one (never kept with a write). */
type Approval = ArgsOf<'vault.setSecret'>['approval'];
const withApproval = (approval: Approval) => (approval === undefined ? {} : { approval });

export function useSaveProfile(): Write<{ profile: ProfileInput; approval?: Approval }, ProfileView> {
  return useWrite({
    call: ({ profile, approval }: { profile: ProfileInput; approval?: Approval }) =>
      cardDesk().profiles.save({ profile, ...withApproval(approval) }),
    refresh: [queryKeys.profiles],
    secretArgs: true,
  });
}

export function useSwitchProfile(): Write<ProfileView, ProfileView> {
  return useWrite({
    call: (profile: ProfileView) => cardDesk().profiles.switch({ profileId: profile.id }),
    refresh: [queryKeys.profiles],
    refreshAlways: true,
  });
}

/** Answers the profile removed. The profile may be gone even when the keychain could not forget its secret:
 * the list is read again whatever the answer. */
export function useRemoveProfile(): Write<ProfileView, ProfileView> {
  return useWrite({
    call: async (profile: ProfileView) => {
      await cardDesk().profiles.remove({ profileId: profile.id, confirm: true });
      return profile;
    },
    refresh: [queryKeys.profiles],
    refreshAlways: true,
  });
}

/** The contract refuses a bigger provisioning file; reading one into memory is pointless. */
export const MAX_PROVISIONING_BYTES = 1024 * 1024;

/** Imports a provisioning file (read here as text, checked in main: a problem names its line and field). */
export function useImportProvisioning(): Write<File, ImportReport> {
  return useWrite({
    call: async (file: File) => cardDesk().profiles.import({ fileName: file.name, content: await file.text() }),
    refresh: [queryKeys.profiles, queryKeys.settings],
    refreshAlways: true,
  });
}

/** A profile's secret and PIN key changed: their state and the profile list say so. */
const changesVault = (profileId: string) => [vaultKey(profileId), queryKeys.profiles];

/** Sends the merchant secret to main for the keychain; it is not kept with the write. */
export function useSetSecret(
  profileId: string,
): Write<{ secret: string; approval?: Approval }, { secret: VaultStatus }> {
  return useWrite({
    call: ({ secret, approval }: { secret: string; approval?: Approval }) =>
      cardDesk().vault.setSecret({ profileId, secret, ...withApproval(approval) }),
    refresh: [...changesVault(profileId), queryKeys.connection(profileId)],
    secretArgs: true,
  });
}

export function useClearSecret(profileId: string): Write<void, { secret: VaultStatus }> {
  return useWrite({
    call: () => cardDesk().vault.clearSecret({ profileId }),
    refresh: changesVault(profileId),
    refreshAlways: true,
  });
}

export function useCreatePinKey(profileId: string): Write<void, { pinKey: VaultStatus }> {
  return useWrite({
    call: () => cardDesk().vault.createPinKey({ profileId }),
    refresh: changesVault(profileId),
    refreshAlways: true,
  });
}

/** A signed request to the profile's bank; the frame's connection badge gets the same answer at once. */
export function useTestConnection(profileId: string): Write<void, ConnectionTest> {
  const queryClient = useQueryClient();
  return useWrite({
    call: () => cardDesk().vault.testConnection({ profileId }),
    onAnswer: (test) => {
      queryClient.setQueryData(queryKeys.connection(profileId), test);
    },
  });
}

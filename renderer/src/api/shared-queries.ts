// Reads that the frame and several screens share.
import { useQuery } from '@tanstack/react-query';
import { OPEN_STATES, type SessionState } from '../../../common/contract/index.ts';
import { cardDesk } from './bridge.ts';
import { queryKeys } from './query-keys.ts';

export function useAppInfo() {
  return useQuery({ queryKey: queryKeys.appInfo, queryFn: () => cardDesk().app.info({}), staleTime: Infinity });
}

// The session state asked for at start, beside the settings (main.tsx): the first read of the session query
// takes this answer instead of asking once React has rendered (docs/operator-ui.md, "Speed on a small PC").
let earlySession: Promise<SessionState> | undefined;

export function readSessionEarly(): void {
  earlySession = cardDesk().session.state({});
  earlySession.catch(() => undefined); // the query reports a failure
}

export function useSession() {
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: () => {
      const early = earlySession;
      earlySession = undefined;
      return early ?? cardDesk().session.state({});
    },
  });
}

/** The settings, read once before React starts (main.tsx: the operator's language) and then as a query. */
export function fetchSettings() {
  return cardDesk().settings.get({});
}

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: fetchSettings });
}

export function useProfiles() {
  return useQuery({ queryKey: queryKeys.profiles, queryFn: () => cardDesk().profiles.list({}) });
}

export function useActiveProfile() {
  const profiles = useProfiles();
  return { ...profiles, active: profiles.data?.find((p) => p.active) };
}

/** Signature check against the active profile's server; re-run every minute and on demand. */
export function useConnection(profileId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.connection(profileId ?? ''),
    queryFn: () => cardDesk().vault.testConnection({ profileId: profileId ?? '' }),
    enabled: profileId !== undefined,
    refetchInterval: 60_000,
    retry: false,
  });
}

export function usePendingCount() {
  return useQuery({
    queryKey: queryKeys.pendingCount,
    queryFn: async () => (await cardDesk().journal.count({ states: [...OPEN_STATES] })).count,
  });
}

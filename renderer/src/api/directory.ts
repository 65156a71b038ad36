// The workstation's directory (docs/operator-ui.md, finding a client or a card): search and a client's data as
// this workstation knows it. A search's text may be a whole card number, so its answers are dropped from the
// cache as soon as nothing shows them.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { cardDesk } from './bridge.ts';
import { useActiveProfile } from './shared-queries.ts';

export const directoryKeys = {
  all: ['directory'] as const,
  search: (profileId: string, text: string) => ['directory', profileId, 'search', text] as const,
  client: (profileId: string, clientId: string) => ['directory', profileId, 'client', clientId] as const,
};

/** Fewer characters than this find too much to be useful (main/core/directory/tokens.ts). */
export const MIN_SEARCH_LENGTH = 2;

export function useDirectorySearch(text: string) {
  const profileId = useActiveProfile().active?.id;
  const trimmed = text.trim();
  return useQuery({
    queryKey: directoryKeys.search(profileId ?? '', trimmed),
    queryFn: () => cardDesk().directory.search({ text: trimmed }),
    enabled: profileId !== undefined && trimmed.length >= MIN_SEARCH_LENGTH,
    gcTime: 0,
    staleTime: 0,
  });
}

/** What the directory learns changes when an operation settles: the client page reads it again then. */
export function useDirectoryClient(clientId: string) {
  const profileId = useActiveProfile().active?.id;
  const queryClient = useQueryClient();
  useEffect(
    () =>
      cardDesk().on('requests.changed', ({ state }) => {
        if (state === 'done') void queryClient.invalidateQueries({ queryKey: directoryKeys.all });
      }),
    [queryClient],
  );
  return useQuery({
    queryKey: directoryKeys.client(profileId ?? '', clientId),
    queryFn: () => cardDesk().directory.client({ clientId }),
    enabled: profileId !== undefined,
  });
}

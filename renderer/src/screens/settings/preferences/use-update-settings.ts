// settings.update answers the new settings; they go straight into the ['settings'] query, which the app
// follows (the UI language switches as soon as the query's language changes).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ArgsOf } from '../../../../../common/contract/index.ts';
import { cardDesk } from '../../../api/bridge.ts';
import { queryKeys } from '../../../api/query-keys.ts';

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: ArgsOf<'settings.update'>) => cardDesk().settings.update(change),
    onSuccess: (view) => {
      queryClient.setQueryData(queryKeys.settings, view);
      // The idle lock minutes are part of the session state too.
      void queryClient.invalidateQueries({ queryKey: queryKeys.session });
    },
  });
}

// Whether the audit chain was whole at start and how far shipping to the bank's log server is: read when the
// frame opens and every minute after, every few seconds while main's check at start is still running
// (docs/operator-ui.md, frame and navigation).
import { useQuery } from '@tanstack/react-query';
import { cardDesk } from './bridge.ts';
import { queryKeys } from './query-keys.ts';

export const AUDIT_STATUS_INTERVAL_MS = 60_000;
const UNCHECKED_INTERVAL_MS = 3_000;

export function useAuditStatus(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.auditStatus,
    queryFn: () => cardDesk().audit.status({}),
    enabled,
    refetchInterval: (query) =>
      query.state.data?.chain.state === 'unchecked' ? UNCHECKED_INTERVAL_MS : AUDIT_STATUS_INTERVAL_MS,
    retry: false,
  });
}

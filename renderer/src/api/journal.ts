// The Journal's reads. Operations live under 'journal' (refreshed by `requests.changed`), the audit trail under
// 'audit'. The previous page stays on screen while a new search runs.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ArgsOf } from '../../../common/contract/index.ts';
import { cardDesk } from './bridge.ts';
import { queryKeys } from './query-keys.ts';

export function useJournalSearch(args: ArgsOf<'journal.search'>) {
  return useQuery({
    queryKey: [...queryKeys.journal, 'search', args],
    queryFn: () => cardDesk().journal.search(args),
    placeholderData: keepPreviousData,
  });
}

export function useAuditTrail(args: ArgsOf<'journal.audit'>) {
  return useQuery({
    queryKey: [...queryKeys.audit, args],
    queryFn: () => cardDesk().journal.audit(args),
    placeholderData: keepPreviousData,
  });
}

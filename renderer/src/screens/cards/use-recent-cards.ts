// Cards issued from this workstation with the active profile, newest first: the journal's done card.issue and
// card.issuePlastic entries (their Request status result names the card); another profile's cards would not be
// found at this profile's bank. Journal keys are refreshed whenever a request changes.
import { useQuery } from '@tanstack/react-query';
import type { JournalEntryView } from '../../../../common/contract/index.ts';
import { cardDesk } from '../../api/bridge.ts';
import { firstCardId, resultString } from '../../api/outcome.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useActiveProfile } from '../../api/shared-queries.ts';

export const RECENT_LIMIT = 50;
const ISSUE_OPS = ['card.issue', 'card.issuePlastic'] as const;

export interface RecentCard {
  cardId: string;
  kind: 'virtual' | 'plastic';
  clientId: string | undefined;
  at: number;
}

function recentCard(entry: JournalEntryView): RecentCard | undefined {
  const cardId = entry.result === undefined ? undefined : firstCardId(entry.result);
  if (cardId === undefined) return undefined;
  return {
    cardId,
    kind: entry.op === 'card.issuePlastic' ? 'plastic' : 'virtual',
    clientId: resultString(entry.params, 'client_id'),
    at: entry.at,
  };
}

export function useRecentCards() {
  const profileId = useActiveProfile().active?.id;
  return useQuery({
    queryKey: [...queryKeys.journal, 'recent-cards', profileId],
    enabled: profileId !== undefined,
    queryFn: async (): Promise<RecentCard[]> => {
      const pages = await Promise.all(
        ISSUE_OPS.map((op) => cardDesk().journal.search({ op, states: ['done'], profileId, limit: RECENT_LIMIT })),
      );
      const seen = new Set<string>();
      return pages
        .flatMap((page) => page.entries)
        .map(recentCard)
        .filter((card): card is RecentCard => card !== undefined)
        .sort((a, b) => b.at - a.at)
        .filter((card) => !seen.has(card.cardId) && seen.add(card.cardId))
        .slice(0, RECENT_LIMIT);
    },
  });
}

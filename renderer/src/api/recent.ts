// What this workstation created with the active profile, newest first, read from the journal: clients (the done
// client.create entries) and cards (the done card.issue and card.issuePlastic entries, whose Request status
// result names the card). Another profile's cards would not be found at this profile's bank. The keys are under
// the journal's, so the `requests.changed` event that ends such a write refreshes the lists.
import { useQuery } from '@tanstack/react-query';
import type { JournalEntryView } from '../../../common/contract/index.ts';
import { cardDesk } from './bridge.ts';
import { firstCardId, resultString } from './outcome.ts';
import { queryKeys } from './query-keys.ts';
import { useActiveProfile } from './shared-queries.ts';

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

export interface RecentClient {
  clientId: string;
  at: number;
  /** Masked, as the journal keeps it. */
  phone: string | undefined;
  productId: number | undefined;
}

function recentClient(entry: JournalEntryView): RecentClient | undefined {
  const clientId = entry.result === undefined ? undefined : resultString(entry.result, 'client_id');
  if (clientId === undefined) return undefined;
  const client = entry.params.client as Record<string, unknown> | undefined;
  const phone = client?.phone;
  const productId = entry.params.product_id;
  return {
    clientId,
    at: entry.at,
    phone: typeof phone === 'string' ? phone : undefined,
    productId: typeof productId === 'number' ? productId : undefined,
  };
}

export function useRecentClients() {
  return useQuery({
    queryKey: [...queryKeys.journal, 'recent-clients'],
    queryFn: async () => {
      const { entries } = await cardDesk().journal.search({
        op: 'client.create',
        states: ['done'],
        limit: RECENT_LIMIT,
      });
      return entries.map(recentClient).filter((c) => c !== undefined);
    },
  });
}

// Journal records for tests of the journal, its import and its pages.
import type { JournalRecord } from '../../main/core/journal/records.ts';

export const connection = { baseUrl: 'http://127.0.0.1:1', merchantId: 1, scheme: 'sha256-body' as const };

export const intent = (key: string, at = 1000, extra: { op?: string; profileId?: string; tag?: string } = {}) => ({
  key,
  op: extra.op ?? 'card.block',
  at,
  connection: extra.profileId === undefined ? connection : { ...connection, profileId: extra.profileId },
  bodySha256: 'ab'.repeat(32),
  params: { card_id: `c-${key}` },
  deadlineMs: 15_000,
  ...(extra.tag === undefined ? {} : { tag: extra.tag }),
});

/** One line of an earlier version's journal.jsonl. */
export const line = (record: JournalRecord): string => `${JSON.stringify(record)}\n`;

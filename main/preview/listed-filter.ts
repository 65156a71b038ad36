// Answers a "listed" method (records of many profiles) with only the records of sandbox profiles. The whole
// match list is read, filtered, then paged, so counts and pages stay true.
import type { MethodSpec, Reply } from '../../common/contract/index.ts';

/** The contract's own maximum page. */
const ALL = 100_000;
const DEFAULT_LIMIT = 1000;

type Item = { profileId?: string | null; id?: string };

export async function filterListed(
  spec: MethodSpec,
  args: unknown,
  call: (args: unknown) => Promise<Reply<unknown>>,
  isSandbox: (profileId: string) => boolean,
): Promise<Reply<unknown>> {
  const query = (args ?? {}) as Record<string, unknown>;
  const shape = (spec.args as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const paged = 'limit' in shape;
  const reply = await call(paged ? { ...query, limit: ALL, ...('offset' in shape ? { offset: 0 } : {}) } : args);
  if (!reply.ok) return reply;
  // A record names its profile (profileId, null for none) or is a profile (id).
  const visible = (item: Item) =>
    'profileId' in item ? item.profileId === null || isSandbox(item.profileId ?? '') : isSandbox(item.id ?? '');
  const offset = typeof query.offset === 'number' ? query.offset : 0;
  const limit = typeof query.limit === 'number' ? query.limit : DEFAULT_LIMIT;
  const page = (items: Item[]) => (paged ? items.slice(offset, offset + limit) : items);
  if (Array.isArray(reply.value)) return { ok: true, value: page((reply.value as Item[]).filter(visible)) };
  const { entries } = reply.value as { entries: Item[] };
  const matches = entries.filter(visible);
  return { ok: true, value: { entries: page(matches), total: matches.length } };
}

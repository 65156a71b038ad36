// Answers a "listed" method (records of many profiles) with only the records of sandbox profiles
// (docs/architecture.md, the contract). A paged list is read page after page from the cursor the caller gave,
// each asking for as many records as are still missing, so no record is skipped and none comes twice; a page
// may come back short (other profiles' records left out) with a cursor to go on from. A count is the sum of the
// sandbox profiles' counts. Its cursors are sealed (sealed-cursor.ts): they would tell where the rows left out are.
import { PAGE_LIMIT, type MethodSpec, type Reply } from '../../common/contract/index.ts';
import { sealCursor, unsealCursor } from './sealed-cursor.ts';

/** Pages of the whole journal read for one page of the preview's: bounds the work of a mostly foreign list. */
const MAX_READS = 10;

type Item = { profileId?: string | null; id?: string };
type Call = (args: unknown) => Promise<Reply<unknown>>;

export async function filterListed(
  spec: MethodSpec,
  args: unknown,
  call: Call,
  isSandbox: (profileId: string) => boolean,
  sandboxIds: readonly string[] = [],
): Promise<Reply<unknown>> {
  const query = (args ?? {}) as Record<string, unknown>;
  const shape = (spec.args as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  // A record names its profile (profileId, null for none) or is a profile (id). An operation of no profile (a
  // `card-desk call` with connection flags, perhaps a production write) cannot be placed on a sandbox: hidden.
  // The audit trail hides none of its workstation-wide records (sign-ins, operators, settings): they hold ids
  // and choices only, and a trail with holes is no trail. Another profile's records stay in the desktop app.
  const profileless = spec.right === 'audit';
  const visible = (item: Item) => {
    const profileId = 'profileId' in item ? item.profileId : item.id;
    return profileId === null || profileId === undefined ? profileless : isSandbox(profileId);
  };
  if ('cursor' in shape) return pages(query, call, visible);
  const reply = await call(args);
  if (!reply.ok) return reply;
  if (Array.isArray(reply.value)) return { ok: true, value: (reply.value as Item[]).filter(visible) };
  if (typeof (reply.value as { count?: unknown }).count === 'number') {
    // Narrowed to one profile, the guard has already placed it on a sandbox profile.
    return typeof query.profileId === 'string' ? reply : countOf(query, call, sandboxIds);
  }
  return { ok: false, error: { code: 'preview_sandbox_only', message: 'the browser preview cannot filter this list' } };
}

async function pages(query: Record<string, unknown>, call: Call, visible: (item: Item) => boolean) {
  const limit = typeof query.limit === 'number' ? query.limit : PAGE_LIMIT;
  let cursor = typeof query.cursor === 'string' ? (unsealCursor(query.cursor) ?? false) : null;
  if (cursor === false) {
    return {
      ok: false as const,
      error: { code: 'invalid_arguments', message: 'the page cursor is not one this preview gave' },
    };
  }
  const entries: Item[] = [];
  for (let read = 0; read < MAX_READS; read++) {
    const reply = await call({ ...query, cursor, limit: limit - entries.length });
    if (!reply.ok) return reply;
    const page = reply.value as { entries: Item[]; nextCursor?: string | null };
    entries.push(...page.entries.filter(visible));
    cursor = page.nextCursor ?? null;
    if (cursor === null || entries.length >= limit) break;
  }
  return { ok: true as const, value: { entries, nextCursor: cursor === null ? null : sealCursor(cursor) } };
}

async function countOf(query: Record<string, unknown>, call: Call, sandboxIds: readonly string[]) {
  let count = 0;
  for (const profileId of sandboxIds) {
    const reply = await call({ ...query, profileId });
    if (!reply.ok) return reply;
    count += (reply.value as { count: number }).count;
  }
  return { ok: true as const, value: { count } };
}

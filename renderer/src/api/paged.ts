// Lists that main answers a page at a time (docs/architecture.md, paged lists): TanStack Query's infinite
// query holds the pages read so far; the table asks for the next one as its window nears the end. Keys of
// paged lists carry the segment 'pages', so that events patch them (live-pages.ts) instead of reading every
// loaded page again.
import { keepPreviousData, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { PageView } from '../../../common/contract/index.ts';

export const PAGES = 'pages';
export type Pages<T> = InfiniteData<PageView<T>, string | null>;
export type PageFetcher<T> = (cursor: string | null) => Promise<PageView<T>>;

export interface PagedList<T> {
  /** Every row read so far, in order. */
  rows: readonly T[];
  /** Reads the next page unless one is being read or there is none. */
  loadMore: () => void;
  hasMore: boolean;
  loadingMore: boolean;
  isPending: boolean;
  isFetching: boolean;
  error: Error | null;
  refetch: () => Promise<unknown>;
}

/** `first`: a first page main has already answered (it is not read again). */
export function usePagedList<T>(
  queryKey: readonly unknown[],
  fetchPage: PageFetcher<T>,
  first?: PageView<T>,
): PagedList<T> {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: null as string | null,
    // null (no further page) ends the list.
    getNextPageParam: (last: PageView<T>) => last.nextCursor,
    placeholderData: keepPreviousData,
    ...(first === undefined ? {} : { initialData: { pages: [first], pageParams: [null] }, staleTime: Infinity }),
  });
  const { data, hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const rows = useMemo(() => data?.pages.flatMap((page) => page.entries) ?? [], [data]);
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  return {
    rows,
    loadMore,
    hasMore: hasNextPage,
    loadingMore: isFetchingNextPage,
    isPending: query.isPending,
    isFetching: query.isFetching,
    error: query.error,
    refetch: query.refetch,
  };
}

/** Every page of a list, one after another, for an export that never holds the whole list at once. */
export async function* eachPage<T>(fetchPage: PageFetcher<T>): AsyncGenerator<T[]> {
  let cursor: string | null = null;
  do {
    const page: PageView<T> = await fetchPage(cursor);
    yield page.entries;
    cursor = page.nextCursor;
  } while (cursor !== null);
}

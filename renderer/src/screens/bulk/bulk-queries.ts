// Bulk jobs as the screen reads them: the history and one job, kept live by the `bulk.progress` event.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { BulkJobView, BulkProgress } from '../../../../common/contract/index.ts';
import { cardDesk } from '../../api/bridge.ts';

export const bulkKeys = {
  all: ['bulk'] as const,
  list: ['bulk', 'list'] as const,
  job: (jobId: string) => ['bulk', 'job', jobId] as const,
};

/** A running job is also re-read now and then: events can race a read, and a CLI's job sends none here. */
const RUNNING_POLL_MS = 3_000;

export function useBulkJobs() {
  return useQuery({
    queryKey: bulkKeys.list,
    queryFn: () => cardDesk().bulk.list({}),
    refetchInterval: (query) => (query.state.data?.some((j) => j.state === 'running') ? RUNNING_POLL_MS : false),
  });
}

export function useBulkJob(jobId: string) {
  return useQuery({
    queryKey: bulkKeys.job(jobId),
    queryFn: () => cardDesk().bulk.get({ jobId }),
    refetchInterval: (query) => (query.state.data?.state === 'running' ? RUNNING_POLL_MS : false),
  });
}

function withProgress(job: BulkJobView, p: BulkProgress): BulkJobView {
  return {
    ...job,
    state: p.state,
    total: p.total,
    done: p.done,
    failed: p.failed,
    remaining: p.remaining,
    ratePerMinute: p.ratePerMinute,
    etaSeconds: p.etaSeconds,
  };
}

/**
 * Applies every `bulk.progress` event to the cached job and history (no re-read per tick); a state change
 * re-reads both. Returns why jobs stopped by themselves: only events carry it, so it is kept here.
 */
export function useBulkProgressEvents(): Readonly<Record<string, string>> {
  const client = useQueryClient();
  const [haltReasons, setHaltReasons] = useState<Record<string, string>>({});
  useEffect(
    () =>
      cardDesk().on('bulk.progress', (p) => {
        const cached = client.getQueryData<BulkJobView>(bulkKeys.job(p.jobId));
        const listed = client.getQueryData<BulkJobView[]>(bulkKeys.list)?.find((j) => j.jobId === p.jobId);
        const known = cached ?? listed;
        if (cached !== undefined) client.setQueryData(bulkKeys.job(p.jobId), withProgress(cached, p));
        if (listed !== undefined) {
          client.setQueryData<BulkJobView[]>(bulkKeys.list, (list) =>
            list?.map((j) => (j.jobId === p.jobId ? withProgress(j, p) : j)),
          );
        }
        if (known?.state !== p.state) {
          void client.invalidateQueries({ queryKey: bulkKeys.job(p.jobId) });
          void client.invalidateQueries({ queryKey: bulkKeys.list });
        }
        setHaltReasons((reasons) => {
          const current = reasons[p.jobId];
          if (p.reason !== undefined) return current === p.reason ? reasons : { ...reasons, [p.jobId]: p.reason };
          // Resumed, completed or cancelled: the old reason no longer holds.
          if (current === undefined || p.state === 'paused') return reasons;
          const rest = { ...reasons };
          // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a record keyed by job id
          delete rest[p.jobId];
          return rest;
        });
      }),
    [client],
  );
  return haltReasons;
}

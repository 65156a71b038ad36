// Bulk issuance (docs/bulk.md): the jobs as the screen reads them, kept live by the `bulk.progress` event; a
// file checked in main before anything is sent; and the writes: start a job, pause, resume or cancel it, and
// the two files main produces (a format's template, a job's result).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type {
  ArgsOf,
  BulkFormat,
  BulkJobView,
  BulkProgress,
  BulkValidationReport,
  FilePartView,
  FileView,
} from '../../../common/contract/index.ts';
import { cardDesk } from './bridge.ts';
import { usePagedList } from './paged.ts';
import { useWrite, type Write } from './use-write.ts';

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

/** The problems of a checked file: the first page came with the report, the rest is read as the table scrolls. */
export function useBulkProblems(report: BulkValidationReport) {
  const { reportId, problemsCursor } = report;
  const first = { entries: report.problems, nextCursor: reportId === undefined ? null : (problemsCursor ?? null) };
  return usePagedList(
    // Every report with problems has its own id; one without is never shown in a table.
    [...bulkKeys.all, 'problems', reportId ?? ''],
    (cursor) =>
      reportId === undefined
        ? Promise.resolve({ entries: [], nextCursor: null })
        : cardDesk().bulk.problems({ reportId, cursor }),
    first,
  );
}

/** Checks a file in main (`bulk.validate`): nothing is sent to the bank. */
export function validateBulkFile(args: ArgsOf<'bulk.validate'>): Promise<BulkValidationReport> {
  return cardDesk().bulk.validate(args);
}

/** Starts a checked file as a job on the active profile; the job goes straight into its query. */
export function useStartBulkJob(): Write<ArgsOf<'bulk.start'>, BulkJobView> {
  const queryClient = useQueryClient();
  return useWrite({
    call: (args: ArgsOf<'bulk.start'>) => cardDesk().bulk.start(args),
    refresh: [bulkKeys.list],
    // A second operator's approval may ride along: not kept with the write.
    secretArgs: true,
    onAnswer: (job) => {
      queryClient.setQueryData(bulkKeys.job(job.jobId), job);
    },
  });
}

export type JobAction = 'pause' | 'resume' | 'cancel';

/** Pauses, resumes or cancels a job; the job and the history are read again whatever the answer. */
export function useJobControl(jobId: string): Write<JobAction, BulkJobView> {
  return useWrite({
    call: (action: JobAction) => {
      const bulk = cardDesk().bulk;
      if (action === 'pause') return bulk.pause({ jobId });
      if (action === 'resume') return bulk.resume({ jobId });
      return bulk.cancel({ jobId, confirm: true });
    },
    refresh: [bulkKeys.job(jobId), bulkKeys.list],
    refreshAlways: true,
  });
}

export function useBulkTemplate(): Write<BulkFormat, FileView> {
  return useWrite({ call: (format: BulkFormat) => cardDesk().bulk.template({ format }) });
}

/** A job's result file, read part after part into Blob parts (never one string of the whole file). */
export interface ResultParts {
  fileName: string;
  parts: Blob[];
}

/** `eachPart` rewrites each part's text as it arrives (the download's language, screens/bulk/result-csv.ts). */
export function useBulkResult(jobId: string, eachPart: () => (text: string) => string): Write<void, ResultParts> {
  return useWrite({
    call: async () => {
      const rewrite = eachPart();
      const parts: Blob[] = [];
      let fileName = '';
      let cursor: string | null = null;
      do {
        const part: FilePartView = await cardDesk().bulk.result({ jobId, cursor });
        fileName = part.fileName;
        parts.push(new Blob([rewrite(part.text)]));
        cursor = part.nextCursor;
      } while (cursor !== null);
      return { fileName, parts };
    },
  });
}

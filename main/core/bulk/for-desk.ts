// The bulk service over a desk: its data folder, journal, clients and the workstation's allowed operations.
// With `jobProcess`, each job runs in a process of its own (docs/bulk.md, the job process).
import type { Desk } from '../desk.ts';
import type { BulkProgress } from '../../../common/bulk/progress.ts';
import type { JournalChange } from '../journal/index.ts';
import type { JobProcessLauncher } from './process/channel.ts';
import { ProcessRunner } from './process/host-runner.ts';
import { jobStartFor } from './process/prepare.ts';
import { BulkService } from './service.ts';

export function bulkServiceFor(
  desk: Desk,
  options: {
    onProgress?: (progress: BulkProgress) => void;
    report?: (error: unknown) => void;
    settleTimeoutMs?: number;
    /** Runs each job in its own process (the preview and the CLI fork one, the app a utility process). */
    jobProcess?: JobProcessLauncher;
    /** Journal changes a job process wrote (this process's own are told by `desk.journal.onChange`). */
    onJobChanges?: (changes: JournalChange[]) => void;
  } = {},
): BulkService {
  const { jobProcess, onJobChanges, ...rest } = options;
  return new BulkService(desk.dataDir, {
    journal: desk.journal,
    client: (profileId) => desk.client(profileId),
    assertAllowed: (profileId, opId) => {
      desk.assertAllowed(profileId, opId);
    },
    ...rest,
    ...(jobProcess === undefined
      ? {}
      : {
          runner: (store) =>
            new ProcessRunner({
              dataDir: desk.dataDir,
              store,
              launch: jobProcess,
              prepare: (profileId) => jobStartFor(desk, profileId, rest.settleTimeoutMs),
              ...(rest.onProgress === undefined ? {} : { onProgress: rest.onProgress }),
              ...(onJobChanges === undefined ? {} : { onChanges: onJobChanges }),
              ...(rest.report === undefined ? {} : { report: rest.report }),
            }),
        }),
  });
}

// The operator services: one composition for the desktop shell, the preview and tests.
import type { AppInfo } from '../../../common/contract/index.ts';
import { DEFAULT_BULK_RETENTION_DAYS } from '../../../common/settings/schema.ts';
import { bulkServiceFor, type BulkService, type JobProcessLauncher } from '../bulk/index.ts';
import { schedulePurge } from '../bulk/retention.ts';
import { scheduleJournalArchive } from '../journal/retention.ts';
import type { Desk } from '../desk.ts';
import { DirectoryService } from '../directory/index.ts';
import type { SecretClipboard } from '../clipboard/secret-clipboard.ts';
import { deskReconciler, type DeskReconcilerOptions, type Reconciler } from '../reconcile/index.ts';
import { startShipping, type ShippingTiming } from '../shipping/index.ts';
import { fileAttemptStore, PinAttempts } from '../session/pin-attempts.ts';
import { Session } from '../session/session.ts';
import { createDispatcher, type Dispatcher } from './dispatch.ts';
import { DeskEvents } from './events.ts';
import { createHandlers, type Handlers } from './handlers.ts';
import type { Printer } from './print-handlers.ts';

export interface Services {
  desk: Desk;
  session: Session;
  events: DeskEvents;
  handlers: Handlers;
  dispatch: Dispatcher;
  bulk: BulkService;
  /** Settles open operations in the background while the services run (core/reconcile). */
  reconciler: Reconciler;
  close(): Promise<void>;
}

export interface ServiceOptions {
  desk: Desk;
  appInfo: AppInfo;
  /** Unexpected errors: written to the log through its redaction, never shown. */
  report: (error: unknown) => void;
  secretShown?: (shown: boolean) => void;
  /** Card data copied through main (the desktop app); absent where main has no clipboard. */
  clipboard?: SecretClipboard;
  /** The shell lets the kiosk window go (with the policy's admin PIN). */
  kioskExit?: () => boolean;
  /** The shell prints its window (docs/operator-ui.md, Printing); absent where the page prints itself. */
  printer?: Printer;
  /** Runs each bulk job in a process of its own (docs/bulk.md, the job process); in this process without it. */
  bulkProcess?: JobProcessLauncher;
  /** Whose bulk jobs this process resumes and purges and whose open operations it settles (default: all). */
  jobsOf?: (profileId: string) => boolean;
  /** The background reconciler's timing (tests shorten it or give it a fake clock). */
  reconcile?: Pick<DeskReconcilerOptions, 'backoff' | 'timers' | 'random' | 'rescanMs' | 'concurrency'>;
  /** The syslog shipper's timing (tests shorten it). */
  shipping?: ShippingTiming;
}

export function createServices(options: ServiceOptions): Services {
  const { desk } = options;
  const events = new DeskEvents();
  // The journal is the one source of requests.changed: every change of an operation, whoever records it.
  const offJournal = desk.journal.onChange(({ key, op, state }) => {
    try {
      events.emit('requests.changed', { requestId: key, op, state });
    } catch (error) {
      options.report(error); // a failing listener must not fail the write that was recorded
    }
  });
  // The search directory learns from operations settled here and from late outcomes the journal records.
  const directory = new DirectoryService({
    dataDir: desk.dataDir,
    keys: desk.directoryKeys,
    policy: () => desk.settings().directory,
    report: options.report,
  });
  const offDirectory = desk.journal.onChange(({ key, state }) => {
    void directory.journalSettled(key, state, () => desk.journal.get(key)?.result);
  });
  const pinAttempts = new PinAttempts(fileAttemptStore(desk.dataDir));
  // Revealed card data hidden (conceal, lock, failed reveal): copies of it leave the clipboard too.
  const secretShown = (shown: boolean): void => {
    options.secretShown?.(shown);
    if (!shown) options.clipboard?.clearNow();
  };
  const session = new Session({
    accounts: desk.operators,
    audit: desk.audit,
    idleLockMinutes: () => desk.settings().values.idleLockMinutes,
    policy: () => desk.settings().operators,
    onLockChanged: (locked, reason) => {
      if (locked) secretShown(false);
      events.emit('session.lockChanged', { locked, reason });
    },
  });
  const bulk = bulkServiceFor(desk, {
    onProgress: (progress) => {
      events.emit('bulk.progress', progress);
    },
    report: options.report,
    ...(options.bulkProcess === undefined ? {} : { jobProcess: options.bulkProcess }),
    // A job process journals in its own process: its changes come over its channel.
    onJobChanges: (changes) => {
      try {
        for (const { key, op, state } of changes) events.emit('requests.changed', { requestId: key, op, state });
      } catch (error) {
        options.report(error);
      }
    },
  });
  // Open operations are asked about again in the background, with backoff, without any operator action (and
  // without counting as one: the idle lock sees only session.activity).
  const reconciler = deskReconciler(desk, {
    ...options.reconcile,
    ...(options.jobsOf === undefined ? {} : { owns: options.jobsOf }),
    report: options.report,
    onStatus: (requestId, status) => {
      events.emit('requests.checkScheduled', {
        requestId,
        nextCheckAt: status?.nextCheckAt ?? null,
        attempt: status?.attempt ?? 0,
        checking: status?.checking ?? false,
      });
    },
  });
  const handlers = createHandlers({
    bulk,
    pinAttempts,
    desk,
    session,
    events,
    appInfo: options.appInfo,
    secretShown,
    clipboard: options.clipboard,
    kioskExit: options.kioskExit,
    printer: options.printer,
    checkStatus: (requestId) => reconciler.status(requestId),
    checkNow: (requestId, run) => reconciler.checkNow(requestId, run),
    directory,
  });
  // Jobs a crash or a quit left running go on (exactly once: they ask the journal first).
  bulk.resumeInterrupted(options.jobsOf);
  reconciler.start();
  // The audit chain is verified at start, in the background (audit.status answers 'unchecked' until it is done).
  void desk.chain.verify();
  // The audit trail and operation outcomes go to the policy's syslog server, from the outbox.
  const shipper = startShipping(desk, options.report, options.shipping);
  // Finished jobs' input rows are deleted once the policy's retention has passed: now, then daily.
  const stopPurging = schedulePurge(() => {
    const days = desk.settings().bulkRetentionDays ?? DEFAULT_BULK_RETENTION_DAYS;
    bulk.purgeExpiredRows(days, options.jobsOf);
  }, options.report);
  // Old final operations and audit records move to an archive file once a policy says so: now, then daily.
  const stopArchiving = scheduleJournalArchive({
    journal: desk.journal,
    dataDir: desk.dataDir,
    days: () => desk.settings().journalArchiveAfterDays,
    report: options.report,
  });
  return {
    desk,
    session,
    events,
    handlers,
    dispatch: createDispatcher(handlers, session, options.report),
    bulk,
    reconciler,
    close: async () => {
      session.dispose();
      stopPurging();
      await stopArchiving();
      await reconciler.close();
      await bulk.stop();
      offJournal();
      offDirectory();
      directory.close();
      await shipper.close();
      await desk.close();
    },
  };
}

export { createDispatcher, isMethodName, toContractError } from './dispatch.ts';
export type { Dispatcher } from './dispatch.ts';
export { DeskEvents } from './events.ts';
export type { Handlers } from './handlers.ts';

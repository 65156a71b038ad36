// The operator services: one composition for the desktop shell, the preview and tests.
import type { AppInfo } from '../../../common/contract/index.ts';
import { bulkServiceFor, type BulkService } from '../bulk/index.ts';
import type { Desk } from '../desk.ts';
import { fileAttemptStore, PinAttempts } from '../session/pin-attempts.ts';
import { Session } from '../session/session.ts';
import { createDispatcher, type Dispatcher } from './dispatch.ts';
import { DeskEvents } from './events.ts';
import { createHandlers, type Handlers } from './handlers.ts';

export interface Services {
  desk: Desk;
  session: Session;
  events: DeskEvents;
  handlers: Handlers;
  dispatch: Dispatcher;
  bulk: BulkService;
  close(): Promise<void>;
}

export interface ServiceOptions {
  desk: Desk;
  appInfo: AppInfo;
  /** Unexpected errors: written to the log through its redaction, never shown. */
  report: (error: unknown) => void;
  secretShown?: (shown: boolean) => void;
  /** The shell lets the kiosk window go (with the policy's admin PIN). */
  kioskExit?: () => boolean;
  /** Whose interrupted bulk jobs this process resumes at start (by default every profile's). */
  resumesJobsOf?: (profileId: string) => boolean;
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
  const pinAttempts = new PinAttempts(fileAttemptStore(desk.dataDir));
  const session = new Session({
    attempts: pinAttempts,
    pinHash: () => desk.operatorPinHash(),
    savePinHash: (hash) => {
      desk.saveOperatorPinHash(hash);
    },
    idleLockMinutes: () => desk.settings().values.idleLockMinutes,
    onLockChanged: (locked, reason) => {
      if (locked) options.secretShown?.(false);
      events.emit('session.lockChanged', { locked, reason });
    },
  });
  const bulk = bulkServiceFor(desk, {
    onProgress: (progress) => {
      events.emit('bulk.progress', progress);
    },
    report: options.report,
  });
  const handlers = createHandlers({
    bulk,
    pinAttempts,
    desk,
    session,
    events,
    appInfo: options.appInfo,
    secretShown: options.secretShown,
    kioskExit: options.kioskExit,
  });
  // Jobs a crash or a quit left running go on (exactly once: they ask the journal first).
  bulk.resumeInterrupted(options.resumesJobsOf);
  return {
    desk,
    session,
    events,
    handlers,
    dispatch: createDispatcher(handlers, session, options.report),
    bulk,
    close: async () => {
      session.dispose();
      await bulk.stop();
      offJournal();
      await desk.close();
    },
  };
}

export { createDispatcher, isMethodName, toContractError } from './dispatch.ts';
export type { Dispatcher } from './dispatch.ts';
export { DeskEvents } from './events.ts';
export type { Handlers } from './handlers.ts';

export { Reconciler } from './reconciler.ts';
export type { CheckStatus, CheckedJournal, EntryChecker, ReconcilerOptions, Timers } from './reconciler.ts';
export { CHECK_BACKOFF, checkDelay, type CheckBackoff } from './schedule.ts';
export { deskReconciler, type DeskReconcilerOptions } from './for-desk.ts';
export { concerns, MAX_OPEN_CHECKS, openCheckView } from './views.ts';

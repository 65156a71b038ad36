// Process-level behaviour: one instance, and no unexpected error ever reaches the operator as a dialog.
import type { Log } from './log.ts';
import { describeError } from './log.ts';

export interface InstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * Takes the single-instance lock. The second instance quits (returns false); the first one brings its window
 * forward when another launch is attempted.
 */
export function claimSingleInstance(app: InstanceApp, window: () => FocusableWindow | undefined): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = window();
    if (win === undefined || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}

export interface ProcessLike {
  on(event: 'uncaughtException', listener: (error: unknown) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/**
 * With a listener installed, Electron shows no error dialog and the process keeps running; the error is
 * logged (redacted, no secrets) and the operator keeps working.
 */
export function installCrashHandlers(proc: ProcessLike, log: Log): void {
  proc.on('uncaughtException', (error) => {
    log(`uncaught exception: ${describeError(error)}`);
  });
  proc.on('unhandledRejection', (reason) => {
    log(`unhandled rejection: ${describeError(reason)}`);
  });
}

// An exclusive lock file beside settings.json, so that two processes on one data folder (the app, the preview,
// the CLI) change the file one at a time, each on the other's latest copy (docs/architecture.md, folders "settings").
// The lock file names its holder's pid: a lock whose holder is no longer running (killed mid-change) is taken
// over at once; a lock older than STALE_LOCK_MS is taken over too (a change takes milliseconds).
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { DeskError } from '../errors.ts';

export const STALE_LOCK_MS = 10_000;
const WAIT_MS = 5_000;
const POLL_MS = 10;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Runs `change` while holding `lockFile`; waits up to 5 s for another holder, then refuses with the reason. */
export function withFileLock<T>(lockFile: string, change: () => T, now: () => number = Date.now): T {
  const deadline = now() + WAIT_MS;
  for (;;) {
    const fd = tryCreate(lockFile);
    if (fd !== undefined) {
      try {
        writeSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      try {
        return change();
      } finally {
        rmSync(lockFile, { force: true });
      }
    }
    if (isStale(lockFile, now())) {
      rmSync(lockFile, { force: true });
      continue;
    }
    if (now() > deadline) {
      throw new DeskError(
        'settings_busy',
        `another Card Desk process is changing the settings (${lockFile} is held); try again in a moment`,
      );
    }
    Atomics.wait(sleeper, 0, 0, POLL_MS); // a synchronous pause: the store's update() is synchronous
  }
}

function tryCreate(lockFile: string): number | undefined {
  try {
    return openSync(lockFile, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  }
}

function isStale(lockFile: string, at: number): boolean {
  try {
    const ageMs = at - statSync(lockFile).mtimeMs;
    const holder = Number(readFileSync(lockFile, 'utf8'));
    if (Number.isSafeInteger(holder) && holder > 0 && !isRunning(holder)) return true;
    return ageMs > STALE_LOCK_MS;
  } catch {
    return false; // gone already: the next attempt takes it
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
}

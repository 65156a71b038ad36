// Files in the data folder (journal, settings, logs, sandbox state, bulk jobs) are for the operator's account
// only: created with mode 0600, whatever the umask, so that another user of the machine cannot read them.
// Windows has no such mode bits; there the folder's ACL (the user's own profile) does this job.
import { chmodSync, renameSync, writeFileSync } from 'node:fs';

export const PRIVATE_FILE_MODE = 0o600;

/** Takes group and other access away from an existing file (one an older version made); a missing one is fine. */
export function makePrivate(file: string): void {
  try {
    chmodSync(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Replaces `file` with `data` in one step (a temporary file beside it, then a rename), owner-only. A temporary
 * file left by a crash keeps its old mode when written again, so the mode is set explicitly as well.
 */
export function writePrivateFileAtomic(file: string, data: string): void {
  const temp = `${file}.${String(process.pid)}.tmp`;
  writeFileSync(temp, data, { mode: PRIVATE_FILE_MODE });
  chmodSync(temp, PRIVATE_FILE_MODE);
  renameSync(temp, file);
}

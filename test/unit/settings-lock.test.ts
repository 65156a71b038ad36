// The settings lock: a holder killed mid-change must not block every later process on the data folder.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFileLock } from '../../main/core/settings/settings-lock.ts';
import { tempDir } from '../support/temp-dir.ts';
import { DeskError } from '../../main/core/errors.ts';
import { thrownBy } from '../support/thrown.ts';

/** A clock that leaps 5 s on every reading: the 5 s wait is over at the second look, while the lock is still
 * younger than the 10 s after which any lock counts as abandoned. */
function leapingClock(): () => number {
  let at = Date.now() - 5_001;
  return () => (at += 5_001);
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(run.stdout);
}

describe('settings lock', () => {
  it('runs the change and removes the lock', () => {
    const lock = join(tempDir(), 'settings.json.lock');
    expect(withFileLock(lock, () => existsSync(lock))).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });

  it('refuses with settings_busy while a running process holds a fresh lock', () => {
    const lock = join(tempDir(), 'settings.json.lock');
    writeFileSync(lock, String(process.pid));
    const error = thrownBy(() => withFileLock(lock, () => 'changed', leapingClock()), DeskError);
    expect(error).toMatchObject({ code: 'settings_busy' });
    expect(existsSync(lock)).toBe(true);
  });

  it('takes over at once a fresh lock whose holder was killed', () => {
    const lock = join(tempDir(), 'settings.json.lock');
    writeFileSync(lock, String(deadPid()));
    expect(withFileLock(lock, () => 'changed', leapingClock())).toBe('changed');
    expect(existsSync(lock)).toBe(false);
  });
});

// The app and the CLI on one data folder at the same time: three processes write to one journal at once; no
// write is lost and none fails with "database is locked".
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../main/core/journal/index.ts';
import { intent } from '../support/journal-records.ts';
import { tempDir } from '../support/temp-dir.ts';

const WRITER = join(import.meta.dirname, '..', 'support', 'journal-writer.ts');
const EACH = 400;

function writer(dataDir: string, prefix: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [WRITER, dataDir, prefix, String(EACH)], { stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) =>
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    }),
  );
}

describe('one data folder, several processes', () => {
  it('loses no write and never reports the database locked', async () => {
    const dir = tempDir();
    const app = Journal.open(dir, { groupCommit: true });
    const others = [writer(dir, 'cli'), writer(dir, 'bulk')];
    for (let i = 0; i < EACH; i++) {
      const key = `app-${String(i)}`;
      app.recordIntent(intent(key, Date.now()));
      await app.durableNow();
      app.recordOutcome({ key, at: Date.now(), state: 'done', result: {} });
      if (i % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 5)); // let the others in
    }
    const runs = await Promise.all(others);
    for (const run of runs)
      expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
        code: 0,
        stdout: 'ok\n',
        stderr: '',
      });
    expect(app.count()).toBe(3 * EACH);
    expect(app.count({ states: ['done'] })).toBe(3 * EACH);
    expect(app.auditTrail()).toHaveLength(2 * (EACH / 10));
    app.close();
  }, 120_000);
});

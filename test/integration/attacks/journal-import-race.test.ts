// Attack: two processes start on one data folder at once (the app and the CLI, or two CLI commands) while an
// old journal.jsonl waits to be imported. Both import at start; neither may fail, and no operation may be
// imported twice or lost (docs/architecture.md, "The journal").
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal, JOURNAL_JSONL } from '../../../main/core/journal/index.ts';
import { attack } from '../../support/attack.ts';
import { intent, line } from '../../support/journal-records.ts';
import { tempDir } from '../../support/temp-dir.ts';

const OPERATIONS = 20_000;
const entry = resolve('main/core/journal/index.ts');

function importer(dir: string): Promise<{ code: number | null; stderr: string }> {
  const script = `import { importJsonlJournal } from ${JSON.stringify(entry)};
await importJsonlJournal(${JSON.stringify(dir)});`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) =>
    child.on('close', (code) => {
      done({ code, stderr });
    }),
  );
}

describe('two processes importing one old journal at once', () => {
  it(
    'both start, and every operation is imported once',
    () =>
      attack('journal import: two processes importing at once fail or import twice', async () => {
        const dir = tempDir();
        const lines: string[] = [];
        for (let i = 0; i < OPERATIONS; i++) {
          const key = `k-${String(i)}`;
          lines.push(line({ type: 'intent', ...intent(key, 1000 + i) }));
          lines.push(line({ type: 'outcome', key, at: 1000 + i + 1, state: 'done' }));
        }
        writeFileSync(join(dir, JOURNAL_JSONL), lines.join(''));
        const results = await Promise.all([importer(dir), importer(dir)]);
        for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });
        const journal = Journal.open(dir);
        expect(journal.count({})).toBe(OPERATIONS);
        expect(journal.count({ states: ['done'] })).toBe(OPERATIONS);
        journal.close();
      }),
    60_000,
  );
});

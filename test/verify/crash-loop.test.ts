// Crash loop: 20 SIGKILLs at random moments — 10 during single operations, 10 during bulk jobs —
// each followed by a restart that reconciles (and resumes the bulk job). After every restart: nothing left
// unknown; and at the end, for every operation the bank committed exactly what the journal says is done
// (0 lost, 0 executed twice), and no bulk row was executed twice.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journal } from '../../main/core/journal/index.ts';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/index.ts';
import { clientsCsv } from '../support/bulk-csv.ts';
import { writeJsonl } from '../support/synthetic-journal.ts';
import { tempDir } from '../support/temp-dir.ts';
import { recordFigures } from './figures.ts';

const KILLS = 20;
const MIGRATION_KILLS = 5;
const MIGRATED = 50_000;
const SECRET = 'crash-loop-secret';
const MERCHANT = 606;
const CHILD = join(import.meta.dirname, 'crash-child.ts');
let bank: RunningSandbox;
let dataDir: string;

/** A small seeded generator: the kill moments are random but the same on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function child(args: string[], killAfterMs?: number): Promise<Run> {
  const proc = spawn(process.execPath, [CHILD, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CRASH_SECRET: SECRET },
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) => {
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  bank = await startSandbox({ merchants: [{ id: MERCHANT, secret: SECRET }], asyncMs: 5, latencyMs: 3 });
  dataDir = tempDir();
});
afterAll(async () => {
  await bank.close();
});

describe('crash loop', () => {
  it('survives 20 SIGKILLs during single operations and bulk jobs with nothing lost, doubled or left unknown', async () => {
    const random = prng(20261123);
    const base = [dataDir, bank.url, String(MERCHANT)];
    let kills = 0;
    let unexpected = 0;
    let unknownLeft = 0;
    let bulkJob: string | undefined;
    let bulkFiles = 0;
    const notes: string[] = [];

    const killedDuring = { ops: 0, bulk: 0 };
    // A run that finishes before its kill time (a resumed bulk job with few rows left) is a normal run, not a
    // kill: the loop goes on until KILLS runs were killed, alternating single operations and bulk jobs.
    for (let i = 0; kills < KILLS && i < KILLS * 2; i++) {
      const during = i % 2 === 0 ? 'ops' : 'bulk';
      const killAt = 150 + Math.floor(random() * 900);
      let args: string[];
      if (during === 'ops') args = ['ops', ...base, String(i * 1000)];
      else {
        if (bulkJob === undefined) {
          const file = join(dataDir, `crash-${String(bulkFiles)}.csv`);
          writeFileSync(file, clientsCsv(120, { firstSerial: 900_000 + bulkFiles * 1000, plasticEvery: 3 }));
          bulkFiles++;
          args = ['bulk', ...base, file];
        } else args = ['bulk', ...base, bulkJob];
      }
      const run = await child(args, killAt);
      if (run.signal === 'SIGKILL') {
        kills++;
        killedDuring[during]++;
      } else if (run.code !== 0) unexpected++;
      // The bulk job this run created or resumed; a finished one makes the next bulk run start a new file.
      const jobs = existsSync(join(dataDir, 'bulk')) ? readdirSync(join(dataDir, 'bulk')).sort() : [];
      if (during === 'bulk') bulkJob = run.stdout.includes('"completed"') ? undefined : jobs.at(-1);

      // Restart: reconcile what the killed process left open.
      const restart = await child(['reconcile', ...base]);
      if (restart.code !== 0) unexpected++;
      const open = (JSON.parse(restart.stdout.trim() || '{"stillOpen":-1}') as { stillOpen: number }).stillOpen;
      unknownLeft += Math.max(0, open);
      notes.push(
        `kill ${String(i + 1)} during ${during} at ${String(killAt)} ms: ${run.signal ?? `exit ${String(run.code)}`}, still open after restart ${String(open)}`,
      );
      if (restart.code !== 0) notes.push(`  restart failed: ${restart.stderr.trim().slice(-600)}`);
    }
    // Finish the last bulk job, as an operator would resume it.
    if (bulkJob !== undefined) {
      const last = await child(['bulk', ...base, bulkJob]);
      if (last.code !== 0) unexpected++;
    }

    // The bank against the journal: every commit is a journaled done operation, and vice versa.
    const journal = Journal.open(dataDir);
    const entries = journal.list();
    journal.close();
    const committed = bank.stats().committed;
    let lost = 0;
    let duplicated = 0;
    for (const op of ['client.create', 'card.issue', 'card.issuePlastic', 'card.activate']) {
      const done = entries.filter((e) => e.op === op && e.state === 'done').length;
      const executed = committed[op] ?? 0;
      lost += Math.max(0, executed - done); // executed at the bank but not known as done here
      duplicated += Math.max(0, done - executed); // (can only be a bookkeeping error)
    }
    // A bulk row's step is never executed twice: at most one done entry per tag.
    const perTag = new Map<string, number>();
    for (const e of entries)
      if (e.tag !== undefined && e.state === 'done') perTag.set(e.tag, (perTag.get(e.tag) ?? 0) + 1);
    for (const count of perTag.values()) duplicated += Math.max(0, count - 1);
    unknownLeft += entries.filter(
      (e) => e.state === 'sending' || e.state === 'pending' || e.state === 'unknown',
    ).length;
    const operations = entries.filter((e) => e.state === 'done').length;

    recordFigures('crash-loop', { operations, crashes: unexpected, lost, duplicated, unknownLeft }, [
      `${String(kills)} SIGKILLs (${String(killedDuring.ops)} during single operations, ${String(killedDuring.bulk)} during bulk jobs), ${String(bulkFiles)} bulk file(s), ${String(operations)} operations done`,
    ]);
    expect(kills).toBe(KILLS);
    expect({ unexpected, lost, duplicated, unknownLeft }, notes.join('\n')).toEqual({
      unexpected: 0,
      lost: 0,
      duplicated: 0,
      unknownLeft: 0,
    });
    expect(operations).toBeGreaterThan(50);
  }, 300_000);

  it('survives SIGKILLs during the import of an old journal: every operation once, the old file kept', async () => {
    const random = prng(20261206);
    const dir = tempDir();
    await writeJsonl(dir, MIGRATED);
    const notes: string[] = [];
    let killed = 0;
    for (let i = 0; i < MIGRATION_KILLS; i++) {
      const run = await child(['migrate', dir], 100 + Math.floor(random() * 1500));
      if (run.signal === 'SIGKILL') killed++;
      notes.push(`kill ${String(i + 1)}: ${run.signal ?? `exit ${String(run.code)}`} ${run.stdout.trim()}`);
    }
    const last = await child(['migrate', dir]);
    expect(last.code, `${notes.join('\n')}\n${last.stderr}`).toBe(0);
    const journal = Journal.open(dir);
    const count = journal.count();
    const open = journal.open().length;
    journal.close();
    const kept = readdirSync(dir).filter((f) => f.startsWith('journal.jsonl.imported-'));
    recordFigures('crash-loop-migration', { operations: count, lost: MIGRATED - count, unknownLeft: 0 }, [
      `${String(killed)} SIGKILLs during the import of a ${MIGRATED.toLocaleString('en')}-operation journal.jsonl, then one run to the end`,
    ]);
    expect(killed).toBeGreaterThan(0);
    expect(count, notes.join('\n')).toBe(MIGRATED); // a key is unique: none twice, none lost
    expect(open).toBe(Math.ceil(MIGRATED / 25_000)); // the open ones are still there to reconcile
    expect(kept).toHaveLength(1);
    expect(existsSync(join(dir, 'journal.jsonl'))).toBe(false);
  }, 300_000);
});

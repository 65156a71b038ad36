// Bulk jobs in a process of their own (docs/bulk.md, the job process): the host keeps the service's API, hears
// progress and journal changes over the channel, and a job process killed mid-job leaves the job paused with the
// reason; resuming executes every row exactly once (0 duplicated, 0 lost).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bulkServiceFor, type BulkProgress, type BulkService } from '../../main/core/bulk/index.ts';
import { forkJobProcess } from '../../main/core/bulk/process/channel.ts';
import type { Desk } from '../../main/core/desk.ts';
import type { JournalChange } from '../../main/core/journal/index.ts';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/index.ts';
import { clientsCsv } from '../support/bulk-csv.ts';
import { openTestDesk } from '../support/test-desk.ts';

interface Setup {
  desk: Desk;
  bulk: BulkService;
  bank: () => RunningSandbox;
  progress: BulkProgress[];
  changes: JournalChange[];
}
const open: Desk[] = [];

function setup(latencyMs = 5): Setup {
  let bank: RunningSandbox | undefined;
  const desk = openTestDesk({
    startEmbedded: async ({ merchant, stateFile }) => {
      bank = await startSandbox({ merchants: [merchant], stateFile, asyncMs: 5, latencyMs });
      return bank;
    },
  });
  open.push(desk);
  const progress: BulkProgress[] = [];
  const changes: JournalChange[] = [];
  const bulk = bulkServiceFor(desk, {
    onProgress: (p) => progress.push(p),
    onJobChanges: (c) => changes.push(...c),
    settleTimeoutMs: 30_000,
    jobProcess: forkJobProcess(),
  });
  return {
    desk,
    bulk,
    progress,
    changes,
    bank: () => {
      if (bank === undefined) throw new Error('the sandbox has not started');
      return bank;
    },
  };
}

afterEach(async () => {
  for (const desk of open.splice(0)) await desk.close();
});

function startJob(s: Setup, rows: number, concurrency = 4): string {
  const report = s.bulk.validate('clients.csv', Buffer.from(clientsCsv(rows, { plasticEvery: 5 })));
  expect(report.problems).toEqual([]);
  return s.bulk.create(report.draftId ?? '', s.desk.activeProfileId(), concurrency).id;
}

/** Each row once: one client and one card per row, and every row in the result. */
function expectExactlyOnce(s: Setup, jobId: string, rows: number): void {
  const committed = s.bank().stats().committed;
  expect(committed['client.create']).toBe(rows);
  expect((committed['card.issue'] ?? 0) + (committed['card.issuePlastic'] ?? 0)).toBe(rows);
  expect(s.bulk.get(jobId)).toMatchObject({ state: 'completed', done: rows, failed: 0, remaining: 0 });
  const lines = s.bulk
    .resultFile(jobId)
    .content.replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1);
  expect(lines).toHaveLength(rows);
  expect(new Set(lines.map((l) => l.split(';').at(-5))).size).toBe(rows);
}

describe('bulk jobs in their own process', () => {
  it('runs the job in a child process and tells progress and journal changes to the host', async () => {
    const s = setup(0);
    const jobId = startJob(s, 20);
    const run = s.bulk.runner.run(jobId);
    expect(s.bulk.runner.isRunning(jobId)).toBe(true);
    await expect.poll(() => s.bulk.store.runner(jobId), { timeout: 10_000, interval: 10 }).toBeDefined();
    expect(s.bulk.store.runner(jobId)).not.toBe(process.pid); // the job process holds the job, not the host
    expect((await run).state).toBe('completed');
    expect(s.bulk.runner.isRunning(jobId)).toBe(false);
    expectExactlyOnce(s, jobId, 20);
    expect(s.progress.at(-1)).toMatchObject({ jobId, state: 'completed', done: 20, remaining: 0 });
    const creates = s.changes.filter((c) => c.op === 'client.create' && c.state === 'done');
    expect(creates).toHaveLength(20);
  });

  it('reports a killed job process (paused, with the reason) and resumes with 0 duplicated, 0 lost', async () => {
    const s = setup(10);
    const rows = 60;
    const jobId = startJob(s, rows, 4);
    const run = s.bulk.runner.run(jobId);
    await expect.poll(() => s.bulk.store.results(jobId).size, { timeout: 20_000, interval: 5 }).toBeGreaterThan(10);
    const child = s.bulk.store.runner(jobId);
    expect(child).toBeDefined();
    process.kill(child ?? 0, 'SIGKILL');
    const killed = await run;
    expect(killed.state).toBe('paused');
    expect(s.progress.at(-1)).toMatchObject({ jobId, state: 'paused' });
    expect(s.progress.at(-1)?.reason).toMatch(/job process ended unexpectedly \(SIGKILL\)/);
    expect(s.bulk.get(jobId)).toMatchObject({ state: 'paused', running: false });
    expect(s.bulk.get(jobId).remaining).toBeGreaterThan(0);

    expect((await s.bulk.runner.run(jobId)).state).toBe('completed');
    expectExactlyOnce(s, jobId, rows);
  });

  it('pauses and cancels through the channel: rows in flight finish, no new row starts', async () => {
    const s = setup(5);
    const jobId = startJob(s, 40, 2);
    const run = s.bulk.runner.run(jobId);
    await expect.poll(() => s.bulk.get(jobId).done, { timeout: 10_000, interval: 10 }).toBeGreaterThanOrEqual(4);
    s.bulk.pause(jobId);
    expect((await run).state).toBe('paused');
    const paused = s.bulk.get(jobId);
    expect(s.bank().stats().committed['client.create']).toBe(paused.done);

    const resumed = s.bulk.runner.run(jobId);
    await expect.poll(() => s.bulk.get(jobId).done, { timeout: 10_000, interval: 10 }).toBeGreaterThan(paused.done);
    s.bulk.cancel(jobId);
    expect((await resumed).state).toBe('cancelled');
    const done = s.bulk.get(jobId).done;
    expect(s.bank().stats().committed['client.create']).toBe(done);
    expect(s.bulk.resultFile(jobId).content.match(/;cancelled;/g)).toHaveLength(40 - done);
  });

  it('leaves a job running when the host stops, for the next start to resume', async () => {
    const s = setup(5);
    const jobId = startJob(s, 40, 2);
    const run = s.bulk.runner.run(jobId);
    await expect.poll(() => s.bulk.get(jobId).done, { timeout: 10_000, interval: 10 }).toBeGreaterThanOrEqual(2);
    await s.bulk.stop();
    expect((await run).state).toBe('running');
    expect(s.bulk.store.runner(jobId)).toBeUndefined();
    expect(s.bulk.resumeInterrupted()).toEqual([jobId]);
    await expect.poll(() => s.bulk.get(jobId).state, { timeout: 20_000, interval: 20 }).toBe('completed');
    expectExactlyOnce(s, jobId, 40);
  });

  it('refuses a job another live process runs, once it has had a moment to give it up', async () => {
    const s = setup(0);
    const jobId = startJob(s, 3);
    writeFileSync(join(s.desk.dataDir, 'bulk', jobId, 'lock'), String(process.ppid)); // a live process, not ours
    await expect(s.bulk.runner.run(jobId)).rejects.toMatchObject({ code: 'bulk_job_busy' });
    expect(s.bulk.get(jobId)).toMatchObject({ done: 0, remaining: 3 }); // nothing was sent
  });

  it('refuses an unknown job before starting a process, typed', () => {
    const s = setup(0);
    expect(() => s.bulk.runner.run('no-such-job')).toThrow(/no bulk job/);
  });
});

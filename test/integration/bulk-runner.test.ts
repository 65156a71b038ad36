// Bulk jobs against the sandbox: every row executed exactly once, through faults, pause and resume,
// a resume that has only the journal to go by, cancel, and a bank that is not reached.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bulkServiceFor, type BulkProgress, type BulkService } from '../../main/core/bulk/index.ts';
import type { Desk } from '../../main/core/desk.ts';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/index.ts';
import { clientsCsv } from '../support/bulk-csv.ts';
import { openTestDesk } from '../support/test-desk.ts';

interface Setup {
  desk: Desk;
  bulk: BulkService;
  bank: () => RunningSandbox;
  progress: BulkProgress[];
}
const open: Desk[] = [];

function setup(options: { latencyMs?: number } = {}): Setup {
  let bank: RunningSandbox | undefined;
  const desk = openTestDesk({
    startEmbedded: async ({ merchant, stateFile }) => {
      bank = await startSandbox({ merchants: [merchant], stateFile, asyncMs: 5, latencyMs: options.latencyMs ?? 0 });
      return bank;
    },
  });
  open.push(desk);
  const progress: BulkProgress[] = [];
  const bulk = bulkServiceFor(desk, { onProgress: (p) => progress.push(p), settleTimeoutMs: 30_000 });
  return {
    desk,
    bulk,
    progress,
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

describe('bulk jobs against the sandbox', () => {
  it('issues every row once, reports progress, and writes a result file with masked numbers only', async () => {
    const s = setup();
    const jobId = startJob(s, 30);
    const meta = await s.bulk.runner.run(jobId);
    expect(meta.state).toBe('completed');
    const committed = s.bank().stats().committed;
    expect(committed['client.create']).toBe(30);
    expect((committed['card.issue'] ?? 0) + (committed['card.issuePlastic'] ?? 0)).toBe(30);
    expect(committed['card.issuePlastic']).toBe(6);
    expect(s.progress.at(-1)).toMatchObject({ jobId, state: 'completed', done: 30, failed: 0, remaining: 0 });

    const { content, fileName } = s.bulk.resultFile(jobId);
    expect(fileName).toMatch(/^clients-result-.+\.csv$/);
    const lines = content
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('result_status;client_id;card_id;card_mask;error_code;error_message');
    expect(lines).toHaveLength(31);
    for (const line of lines.slice(1)) expect(line).toMatch(/;done;[^;]+;[^;]+;\d{6}\*{6}\d{4};;$/);
    expect(content).not.toMatch(/\d{13,19}/); // never a full card number
  });

  it('never has more requests at the bank than the concurrency, though it works on more rows', async () => {
    const s = setup({ latencyMs: 15 });
    const jobId = startJob(s, 24, 3);
    const meta = await s.bulk.runner.run(jobId);
    expect(meta.state).toBe('completed');
    const stats = s.bank().stats();
    expect(stats.committed['client.create']).toBe(24);
    // Rows are journaled ahead, but only three requests at a time reach the bank.
    expect(stats.peakInFlight).toBe(3);
  });

  it('stays exactly once through timeouts after commit, resets and 500s', async () => {
    const s = setup();
    const jobId = startJob(s, 20);
    await s.desk.client(s.desk.activeProfileId()); // starts the sandbox so that faults can be set
    s.bank().setFaults({
      next: [
        { op: 'client.create', kind: 'reset_after_commit', count: 2 },
        { op: 'card.issue', kind: 'reset_before_commit', count: 2 },
        { op: 'client.create', kind: 'http_500', count: 1 },
        { op: 'card.issue', kind: 'malformed_json', count: 1 },
        { op: 'card.issue', kind: 'timeout_after_commit', count: 1 },
      ],
    });
    const meta = await s.bulk.runner.run(jobId);
    expect(meta.state).toBe('completed');
    const stats = s.bank().stats();
    expect(stats.faultsInjected).toMatchObject({
      reset_after_commit: 2,
      reset_before_commit: 2,
      http_500: 1,
      malformed_json: 1,
      timeout_after_commit: 1,
    });
    expect(stats.committed['client.create']).toBe(20);
    expect((stats.committed['card.issue'] ?? 0) + (stats.committed['card.issuePlastic'] ?? 0)).toBe(20);
  });

  it('pauses after the rows in flight and resumes where it stopped', async () => {
    const s = setup({ latencyMs: 5 });
    const jobId = startJob(s, 40, 2);
    const run = s.bulk.runner.run(jobId);
    await expect.poll(() => s.bulk.get(jobId).done, { timeout: 10_000, interval: 20 }).toBeGreaterThanOrEqual(5);
    s.bulk.pause(jobId);
    expect((await run).state).toBe('paused');
    const paused = s.bulk.get(jobId);
    expect(paused.remaining).toBeGreaterThan(0);
    expect(s.bank().stats().committed['client.create']).toBe(paused.done);
    expect((await s.bulk.runner.run(jobId)).state).toBe('completed');
    expect(s.bank().stats().committed['client.create']).toBe(40);
  });

  it('resumes from the journal alone: finished rows whose results were lost are not sent again', async () => {
    const s = setup();
    const jobId = startJob(s, 12);
    await s.bulk.runner.run(jobId);
    const before = { ...s.bank().stats().committed };
    // As if the process died before writing any row result: only the journal knows what was done.
    rmSync(join(s.desk.dataDir, 'bulk', jobId, 'results.jsonl'));
    s.bulk.store.save({ ...s.bulk.store.meta(jobId), state: 'running' });
    expect((await s.bulk.runner.run(jobId)).state).toBe('completed');
    expect(s.bank().stats().committed).toEqual(before);
    expect(s.bulk.get(jobId)).toMatchObject({ done: 12, failed: 0 });
  });

  it('cancels: rows not started are never sent and the result file says so', async () => {
    const s = setup({ latencyMs: 5 });
    const jobId = startJob(s, 40, 1);
    const run = s.bulk.runner.run(jobId);
    await expect.poll(() => s.bulk.get(jobId).done, { timeout: 10_000, interval: 20 }).toBeGreaterThanOrEqual(2);
    s.bulk.cancel(jobId);
    expect((await run).state).toBe('cancelled');
    const done = s.bulk.get(jobId).done;
    expect(s.bank().stats().committed['client.create']).toBe(done);
    expect(s.bulk.resultFile(jobId).content.match(/;cancelled;/g)).toHaveLength(40 - done);
    expect((await s.bulk.runner.run(jobId)).state).toBe('cancelled'); // a cancelled job does not run again
  });

  it('halts (paused, with the reason) instead of failing every row when the bank is not reached', async () => {
    const s = setup();
    const jobId = startJob(s, 6);
    await s.desk.client(s.desk.activeProfileId());
    await s.bank().close(); // the bank is gone: connection refused
    const meta = await s.bulk.runner.run(jobId);
    expect(meta.state).toBe('paused');
    expect(s.progress.at(-1)).toMatchObject({ state: 'paused', done: 0, failed: 0 });
    expect(s.progress.at(-1)?.reason).toMatch(/not reached/);
  });

  it('refuses a second runner of the same job', async () => {
    const s = setup({ latencyMs: 5 });
    const jobId = startJob(s, 10, 1);
    const run = s.bulk.runner.run(jobId);
    expect(s.bulk.runner.run(jobId)).toBe(run); // the same process: the same run
    expect(() => s.bulk.store.lock(jobId)).toThrow(/already running/);
    await run;
  });
});

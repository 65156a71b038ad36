// A bulk job killed with SIGKILL in the middle, twice, then resumed: the real CLI with the real
// keychain against a sandbox bank in this process. Every row is executed exactly once: the bank's commit
// counters equal the rows, every client has one card, and the result file has every row.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/index.ts';
import { clientsCsv } from '../support/bulk-csv.ts';
import { CLI_ENTRY, runCli } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const ROWS = 60;
const MERCHANT = { id: 4242, secret: 'bulk-kill-test-secret' };
let bank: RunningSandbox;
let dataDir: string;

beforeAll(async () => {
  bank = await startSandbox({ merchants: [MERCHANT], asyncMs: 5, latencyMs: 15 });
  dataDir = tempDir();
  const provisioning = join(dataDir, 'provisioning.json');
  writeFileSync(
    provisioning,
    JSON.stringify({
      version: 1,
      profiles: [
        {
          id: 'kz-bulk',
          name: 'Bulk branch',
          region: 'KZ',
          environment: 'test',
          baseUrl: bank.url,
          merchantId: MERCHANT.id,
          allowedOperations: ['clients', 'cards', 'bulk'],
        },
      ],
    }),
  );
  expect((await runCli(['profile', 'import', provisioning, '--data-dir', dataDir])).code).toBe(0);
  expect((await runCli(['secret', 'set', 'kz-bulk', '--data-dir', dataDir], `${MERCHANT.secret}\n`)).code).toBe(0);
});

afterAll(async () => {
  await runCli(['secret', 'clear', 'kz-bulk', '--data-dir', dataDir]);
  await bank.close();
});

const finishedRows = (jobDir: string): number => {
  const file = join(jobDir, 'results.jsonl');
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '').length
    : 0;
};

/** Starts the CLI, waits until at least `rows` rows have finished, then kills it with SIGKILL. */
async function killAfter(args: string[], jobDir: () => string | undefined, rows: number): Promise<void> {
  const child = spawn(process.execPath, [CLI_ENTRY, ...args, '--data-dir', dataDir, '--timeout-ms', '1000'], {
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await expect
    .poll(
      () => {
        const dir = jobDir();
        return dir === undefined ? 0 : finishedRows(dir);
      },
      { timeout: 30_000, interval: 10 },
    )
    .toBeGreaterThanOrEqual(rows);
  child.kill('SIGKILL');
  await exited;
}

describe('bulk issuance survives SIGKILL', () => {
  it('resumes after two kills and executes every row exactly once', async () => {
    const file = join(dataDir, 'clients.csv');
    writeFileSync(file, clientsCsv(ROWS, { plasticEvery: 4 }));
    const jobsDir = join(dataDir, 'bulk');
    const jobDir = () => (existsSync(jobsDir) ? readdirSync(jobsDir).map((id) => join(jobsDir, id))[0] : undefined);

    await killAfter(['bulk', 'issue', file, '--profile', 'kz-bulk', '--concurrency', '4'], jobDir, 10);
    const jobId = readdirSync(jobsDir)[0] ?? '';
    const afterFirst = bank.stats().committed['client.create'] ?? 0;
    expect(afterFirst).toBeGreaterThanOrEqual(10);
    expect(afterFirst).toBeLessThan(ROWS);

    await killAfter(['bulk', 'resume', jobId], jobDir, 30);
    expect(bank.stats().committed['client.create']).toBeLessThan(ROWS);

    const out = join(dataDir, 'result.csv');
    const resumed = await runCli([
      'bulk',
      'resume',
      jobId,
      '--out',
      out,
      '--timeout-ms',
      '1000',
      '--data-dir',
      dataDir,
    ]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`job ${jobId}: completed; ${String(ROWS)} done, 0 failed`);

    const committed = bank.stats().committed;
    expect(committed['client.create']).toBe(ROWS);
    expect((committed['card.issue'] ?? 0) + (committed['card.issuePlastic'] ?? 0)).toBe(ROWS);
    expect(committed['card.issuePlastic']).toBe(ROWS / 4);

    const lines = readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    expect(lines).toHaveLength(ROWS);
    const clients = new Set(lines.map((l) => l.split(';').at(-5)));
    expect(clients.size).toBe(ROWS); // one distinct client per row
    for (const line of lines) expect(line).toMatch(/;done;[^;]+;[^;]+;\d{6}\*{6}\d{4};;$/);

    const status = await runCli(['bulk', 'status', jobId, '--json', '--data-dir', dataDir]);
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'completed', done: ROWS, failed: 0, running: false });
  }, 120_000);
});

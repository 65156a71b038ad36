// Attack: read the merchant secret off a bulk job process from outside it — its command line, its environment,
// or the log it writes. The secret goes to the job process over its IPC channel only (docs/bulk.md, the job
// process), so none of them may hold it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkServiceFor, forkJobProcess } from '../../../main/core/bulk/index.ts';
import type { Desk } from '../../../main/core/desk.ts';
import { createLog } from '../../../main/core/log/logger.ts';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index.ts';
import { attack } from '../../support/attack.ts';
import { clientsCsv } from '../../support/bulk-csv.ts';
import { filesUnder } from '../../support/files-under.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { openTestDesk } from '../../support/test-desk.ts';

const SECRET = 'bulk-child-canary-7f3a9c41e2d8';
const MERCHANT = 5150;
let bank: RunningSandbox;
let desk: Desk;

beforeAll(async () => {
  bank = await startSandbox({ merchants: [{ id: MERCHANT, secret: SECRET }], asyncMs: 5, latencyMs: 10 });
  const dataDir = tempDir();
  desk = openTestDesk({ dataDir, log: createLog(dataDir) });
  desk.saveProfile({
    id: 'canary',
    name: 'Canary',
    region: 'KZ',
    environment: 'test',
    baseUrl: bank.url,
    merchantId: MERCHANT,
    scheme: 'sha256-body',
    allowedOperations: ['clients', 'cards', 'bulk'],
  });
  await desk.setSecret('canary', Buffer.from(SECRET));
});

afterAll(async () => {
  await desk.close();
  await bank.close();
});

/** The null-separated strings of a /proc file of the process, or none once it has gone. */
function procStrings(pid: number, file: 'cmdline' | 'environ'): string {
  try {
    return readFileSync(`/proc/${String(pid)}/${file}`).toString('latin1');
  } catch {
    return '';
  }
}

describe('bulk job process', () => {
  it.runIf(process.platform === 'linux')('never has the merchant secret in argv, the environment or a log', () =>
    attack('bulk job process: secret from argv, environment or log', async () => {
      const bulk = bulkServiceFor(desk, { jobProcess: forkJobProcess(), settleTimeoutMs: 10_000 });
      const report = bulk.validate('clients.csv', Buffer.from(clientsCsv(30)));
      const job = bulk.create(report.draftId ?? '', 'canary', 2);
      const run = bulk.runner.run(job.id);
      await expect.poll(() => bulk.store.runner(job.id), { timeout: 10_000, interval: 5 }).toBeDefined();
      const pid = bulk.store.runner(job.id) ?? 0;
      expect(pid).not.toBe(process.pid);
      const seen = `${procStrings(pid, 'cmdline')}\n${procStrings(pid, 'environ')}`;
      expect(seen).toContain('child-main'); // the job process itself was read
      expect(seen).not.toContain(SECRET);
      expect((await run).state).toBe('completed');
      expect(bank.stats().committed['client.create']).toBe(30); // it did sign with the secret

      const logs = join(desk.dataDir, 'logs');
      expect(existsSync(logs) && readdirSync(logs).length > 0).toBe(true); // the job process did log its calls
      for (const file of filesUnder(desk.dataDir)) {
        expect(readFileSync(file).toString('latin1'), file).not.toContain(SECRET);
      }
    }),
  );
});

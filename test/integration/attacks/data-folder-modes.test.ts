// Attack: another user of the same machine reads Card Desk's data folder after an operator's session: the journal
// (clients, cards, amounts), the settings, the logs, the sandbox's state, bulk jobs, PIN attempts. Every file
// there must be readable and writable by its owner only (no group or other bits), whatever the umask.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLog } from '../../../main/core/log/logger.ts';
import { startPreview, type Preview } from '../../../main/preview/index.ts';
import { attack } from '../../support/attack.ts';
import { clientsCsv } from '../../support/bulk-csv.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { approval, signInAdmin, TEST_ADMIN } from '../../support/sign-in.ts';

const dataDir = tempDir('card-desk-modes-');
let preview: Preview;
let umask: number;

async function value<T>(method: string, args: unknown = {}): Promise<T> {
  const reply = await preview.services.dispatch(method, args);
  if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

beforeAll(async () => {
  // The usual umask of a desktop user with a private group: new files come out group- and world-readable.
  umask = process.umask(0o002);
  const rendererDir = tempDir('card-desk-modes-renderer-');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Card Desk</title>');
  preview = await startPreview({ port: 0, dataDir, rendererDir });
  await signInAdmin(preview.services);
}, 60_000);

afterAll(() => {
  process.umask(umask);
});

describe('the data folder after a session', () => {
  it('holds no file that another user of the machine can read', () =>
    attack('data folder: another local user reads the session files', async () => {
      // A session that makes every kind of file: a client, a bulk job, a wrong secret, a log line.
      await value('clients.create', {
        draft: {
          product_id: 2000,
          client: { phone: 77015556677, type: 1, resident: 1, first_name: 'A', last_name: 'B' },
        },
      });
      const report = await value<{ draftId?: string }>('bulk.validate', {
        fileName: 'clients.csv',
        contentBase64: Buffer.from(clientsCsv(2, { firstSerial: 9100 })).toString('base64'),
      });
      const job = await value<{ jobId: string }>('bulk.start', {
        draftId: report.draftId,
        approval: await approval(preview.services),
      });
      await expect
        .poll(async () => (await value<{ state: string }>('bulk.get', { jobId: job.jobId })).state, { timeout: 15_000 })
        .toBe('completed');
      await value('session.lock');
      await preview.services.dispatch('session.signIn', { operatorId: TEST_ADMIN.operatorId, secret: '11111111' });
      createLog(dataDir).warn('the operator closed the app');
      await preview.close();

      const files = filesUnder(dataDir);
      const names = files.map((f) => f.slice(dataDir.length + 1));
      for (const kind of [/journal/, /settings/, /logs\//, /sandbox-state/, /bulk/]) {
        expect(
          names.some((n) => kind.test(n)),
          `a ${String(kind)} file`,
        ).toBe(true);
      }
      const readable = files
        .map((f) => ({ file: f.slice(dataDir.length + 1), mode: statSync(f).mode & 0o777 }))
        .filter(({ mode }) => (mode & 0o077) !== 0)
        .map(({ file, mode }) => `${file} ${mode.toString(8)}`);
      expect(readable).toEqual([]);
    }));
});

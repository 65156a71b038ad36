// One embedded sandbox per data folder: the first process (the app, `card-desk start`, a CLI call) runs it
// and records its URL; later processes join it instead of starting a second one on the same state file.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { processAlive } from '../process-alive.ts';

export const EMBEDDED_INSTANCE_FILE = 'sandbox-instance.json';

const instanceSchema = z.strictObject({ pid: z.int().positive(), url: z.string().nullable() });
type Instance = z.infer<typeof instanceSchema>;

function read(file: string): Instance | undefined {
  try {
    const parsed = instanceSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export type Claim = { owner: true; publish(url: string): void; release(): void } | { owner: false; url: string };

/**
 * Claims the data folder's embedded sandbox, or finds the live one. A stale file (its process is gone) is
 * taken over. A live owner still starting is waited for up to `waitMs`.
 */
export async function claimEmbedded(file: string, waitMs = 5_000): Promise<Claim> {
  const giveUpAt = Date.now() + waitMs;
  for (;;) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid, url: null }), { flag: 'wx', mode: 0o600 });
      return {
        owner: true,
        publish: (url) => {
          writeFileSync(file, JSON.stringify({ pid: process.pid, url }), { mode: 0o600 });
        },
        release: () => {
          if (read(file)?.pid === process.pid) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = read(file);
    if (current === undefined || !processAlive(current.pid)) {
      rmSync(file, { force: true }); // stale or damaged: the process that wrote it is gone
      continue;
    }
    if (current.url !== null) return { owner: false, url: current.url };
    if (Date.now() > giveUpAt) throw new Error(`the embedded sandbox of process ${String(current.pid)} did not start`);
    await delay(50);
  }
}

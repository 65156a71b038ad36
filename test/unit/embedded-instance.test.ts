import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimEmbedded } from '../../main/core/settings/embedded-instance.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('embedded instance claim', () => {
  it('claims, publishes, is found by a second claimer, and releases', async () => {
    const file = join(tempDir(), 'sandbox-instance.json');
    const owner = await claimEmbedded(file);
    expect(owner.owner).toBe(true);
    if (!owner.owner) return;
    owner.publish('http://127.0.0.1:5555');
    // This process is alive, so a second claim joins it.
    expect(await claimEmbedded(file)).toEqual({ owner: false, url: 'http://127.0.0.1:5555' });
    owner.release();
    expect(existsSync(file)).toBe(false);
  });

  it('takes over a file left by a process that is gone, or a damaged one', async () => {
    const dir = tempDir();
    const file = join(dir, 'sandbox-instance.json');
    writeFileSync(file, JSON.stringify({ pid: 2 ** 22 + 12345, url: 'http://127.0.0.1:1' }));
    const claim = await claimEmbedded(file);
    expect(claim.owner).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ pid: process.pid, url: null });
    if (claim.owner) claim.release();
    writeFileSync(file, '{"pid":');
    expect((await claimEmbedded(file)).owner).toBe(true);
  });

  it('gives up on a live owner that never publishes', async () => {
    const file = join(tempDir(), 'sandbox-instance.json');
    writeFileSync(file, JSON.stringify({ pid: process.pid, url: null }));
    await expect(claimEmbedded(file, 200)).rejects.toThrow(/did not start/);
  });
});

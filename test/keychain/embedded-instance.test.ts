// `card-desk start` runs the embedded default; CLI calls with --profile sandbox join it through the keychain.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_ENTRY, runCli } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('embedded sandbox shared by the processes of one data folder', () => {
  it('is started once by `start`, joined by CLI calls, and released on Ctrl+C', async () => {
    const dataDir = tempDir();
    const start = spawn(process.execPath, [CLI_ENTRY, 'start', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => start.on('close', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      start.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      start.on('close', () => {
        reject(new Error('start exited early'));
      });
    });
    /** A CLI call with the embedded Sandbox profile of this data folder. */
    const callSandbox = (op: string, json: string) =>
      runCli(['call', op, '--json', json, '--profile', 'sandbox', '--data-dir', dataDir]);
    const instance = JSON.parse(readFileSync(join(dataDir, 'sandbox-instance.json'), 'utf8')) as {
      pid: number;
      url: string;
    };
    expect(instance).toEqual({ pid: start.pid, url });

    const first = await callSandbox('card.issueBulk', '{"product_id":2000,"quantity":1}');
    expect(first.code).toBe(0);
    const cardId = (JSON.parse(first.stdout) as { result: { cards: { card_id: string }[] } }).result.cards[0]?.card_id;
    // A second process sees the card the first one issued: one sandbox, one state.
    const info = await callSandbox('card.info', JSON.stringify({ card_id: cardId }));
    expect(info.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dataDir, 'sandbox-instance.json'), 'utf8'))).toEqual(instance);

    start.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, 'sandbox-instance.json'))).toBe(false);
    // With nobody running it, a call starts it in-process, on the same saved state.
    const alone = await callSandbox('card.info', JSON.stringify({ card_id: cardId }));
    expect(alone.code).toBe(0);
  });
});

// The sandbox as a process: its state file, loopback-only listening, and the command line (docs/card-api.md, sandbox).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../main/sandbox/index.ts';
import { CLI_ENTRY } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';
import { Api, cardIn, get, startFixture } from './sandbox-helpers.ts';

const dir = tempDir('card-desk-sandbox-test-');

describe('state file', () => {
  it('keeps clients, cards, requests, Request-Ids, gift cards and the outbox across a restart', async () => {
    const stateFile = join(dir, 'nested', 'state.json');
    const first = await startFixture({ stateFile });
    const { cardId } = await cardIn(first.api, 'active');
    const pan = (await first.api.call('card.secret', { card_id: cardId })).body.pan;
    const statement = (await first.api.call('card.statement', { card_id: cardId })).body.operations;
    const write = await first.api.call('card.block', { card_id: cardId, description: 'lost' });
    const phone = 77770003001;
    const gift = (await first.api.call('gift.issue', { cardholder_name: 'A B', phone, product_code: 1 })).body.card_id;
    await first.sandbox.close();
    expect(readFileSync(stateFile, 'utf8')).not.toContain(String(pan));

    const second = await startFixture({ stateFile });
    try {
      const api = second.api;
      expect((await api.call('card.info', { card_id: cardId })).body.card).toMatchObject({ status: 'blocked' });
      expect((await api.call('card.secret', { card_id: cardId })).body.pan).toBe(pan);
      expect((await api.call('card.statement', { card_id: cardId })).body.operations).toEqual(statement);
      expect((await api.status(write.requestId)).body.request_status).toBe('success');
      expect(
        (await api.call('card.unblock', { card_id: cardId, description: 'x' }, { requestId: write.requestId })).body
          .error_code,
      ).toBe('duplicate_request_id');
      const code = second.sandbox.outbox(String(phone)).at(-1)?.code;
      expect((await api.call('gift.confirm', { card_id: gift, otp: code })).body).toMatchObject({
        status: 0,
        card_status: 2,
      });
      // New ids continue after the old ones.
      const next = await cardIn(api, 'inactive');
      expect(next.cardId).not.toBe(cardId);
    } finally {
      await second.sandbox.close();
    }
  });

  it('completes async work that fell due while the sandbox was down', async () => {
    const stateFile = join(dir, 'pending.json');
    const first = await startFixture({ stateFile, asyncMs: 1000 });
    const accepted = await first.api.call('card.issueBulk', { product_id: 2000, quantity: 2 });
    expect(accepted.body.request_status).toBe('process');
    await first.sandbox.close();
    const stored = JSON.parse(readFileSync(stateFile, 'utf8')) as { merchants: { requests: { status: string }[] }[] };
    expect(stored.merchants[0]?.requests[0]?.status).toBe('process');

    const second = await startFixture({ stateFile, asyncMs: 1000 });
    second.clock.advance(1000);
    const status = await second.api.status(accepted.requestId);
    expect(status.body).toMatchObject({ request_status: 'success' });
    expect(status.body.cards).toHaveLength(2);
    await second.sandbox.close();
  });

  it('saves soon after a change, before close', async () => {
    const stateFile = join(dir, 'debounced.json');
    const s = await startFixture({ stateFile });
    const accepted = await s.api.call('card.issueBulk', { product_id: 2000, quantity: 1 });
    await new Promise((r) => setTimeout(r, 150));
    expect(readFileSync(stateFile, 'utf8')).toContain(accepted.requestId);
    await s.sandbox.close();
  });

  it('refuses a corrupt file and leaves it untouched', async () => {
    const stateFile = join(dir, 'corrupt.json');
    for (const content of ['{"format":', '{"format":"card-desk-sandbox-state","version":1}', '[]']) {
      writeFileSync(stateFile, content);
      await expect(startSandbox({ stateFile })).rejects.toThrow(/state file .*corrupt\.json.* not usable/);
      expect(readFileSync(stateFile, 'utf8')).toBe(content);
    }
  });
});

describe('loopback only', () => {
  it.each(['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.com', '128.0.0.1'])('refuses %s', async (host) => {
    await expect(startSandbox({ host })).rejects.toThrow(/not a loopback address/);
  });

  it.each(['127.0.0.1', '127.0.0.2', 'localhost'])('listens on %s', async (host) => {
    const s = await startSandbox({ host });
    expect(s.url).toMatch(/^http:\/\/(127\.0\.0\.\d|\[::1\]):\d+$/);
    expect((await get(s.url, '/_sandbox/health')).body).toEqual({ ok: true });
    await s.close();
  });
});

interface Run {
  code: Promise<number | null>;
  stdout: () => string;
  stderr: () => string;
  firstLine: Promise<string>;
  kill: (signal: NodeJS.Signals) => void;
}

function run(args: string[]): Run {
  const child = spawn(process.execPath, [CLI_ENTRY, 'sandbox', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let resolveLine: (line: string) => void = () => undefined;
  const firstLine = new Promise<string>((resolve) => (resolveLine = resolve));
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (stdout.includes('\n')) resolveLine(stdout.slice(0, stdout.indexOf('\n')));
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = new Promise<number | null>((resolve) =>
    child.on('close', (c) => {
      resolveLine('');
      resolve(c);
    }),
  );
  return { code, stdout: () => stdout, stderr: () => stderr, firstLine, kill: (s) => child.kill(s) };
}

describe('sandboxMain', () => {
  it('prints exactly one stdout line with the URL, serves signed calls, and exits 0 on SIGTERM', async () => {
    const stateFile = join(dir, 'cli-state.json');
    const p = run([
      '--merchant',
      '7',
      '--secret',
      'cli-secret',
      '--port',
      '0',
      '--state',
      stateFile,
      '--async-ms',
      '0',
    ]);
    const line = await p.firstLine;
    expect(line).toMatch(/^Card API sandbox listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = line.slice('Card API sandbox listening on '.length);
    const api = new Api(url, { id: 7, secret: 'cli-secret' });
    const accepted = await api.call('card.issueBulk', { product_id: 2000, quantity: 1 });
    expect(accepted.body).toMatchObject({ status: 'ok', request_status: 'success' });
    p.kill('SIGTERM');
    expect(await p.code).toBe(0);
    expect(p.stdout()).toBe(`${line}\n`);
    expect(p.stderr()).toBe('');
    expect(readFileSync(stateFile, 'utf8')).toContain(accepted.requestId);
  });

  it('makes up and prints a secret for merchant 1 on stderr when none is given', async () => {
    const p = run(['--fault', 'gift.products:http_429:1']);
    const line = await p.firstLine;
    const secret = /^sandbox merchant 1 secret ([0-9a-f]{64})$/m.exec(p.stderr())?.[1];
    expect(secret).toBeDefined();
    const api = new Api(line.replace(/^.* on /, ''), { id: 1, secret: secret ?? '' });
    expect((await api.call('gift.products', {})).status).toBe(429);
    expect((await api.call('gift.products', {})).body.status).toBe(0);
    p.kill('SIGINT');
    expect(await p.code).toBe(0);
    expect(p.stdout().split('\n')).toHaveLength(2);
  });

  it.each([
    [['--bogus'], /unknown option --bogus/],
    [['--port', 'x'], /--port/],
    [['--merchant', '1'], /--merchant and --secret come in pairs/],
    [['--fault', 'card.info:explode'], /--fault/],
    [['--host', '0.0.0.0'], /--host 0\.0\.0\.0 refused.*loopback/],
  ])('exits 2 with one stderr line for %j', async (args, message) => {
    const p = run(args);
    expect(await p.code).toBe(2);
    expect(p.stdout()).toBe('');
    expect(p.stderr().trim().split('\n')).toHaveLength(1);
    expect(p.stderr()).toMatch(message);
  });

  it('exits 2 on a corrupt state file without touching it', async () => {
    const stateFile = join(dir, 'cli-corrupt.json');
    writeFileSync(stateFile, 'garbage');
    const p = run(['--state', stateFile]);
    expect(await p.code).toBe(2);
    expect(p.stderr()).toMatch(/not usable/);
    expect(readFileSync(stateFile, 'utf8')).toBe('garbage');
  });
});

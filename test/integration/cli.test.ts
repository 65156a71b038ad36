// The admin CLI end to end: exit codes, bad input, the journal, reconciliation, and no secret in any output.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/index.ts';
import { filesUnder } from '../support/files-under.ts';
import { runCli } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const SECRET = 'cli-canary-secret-7f3e9a';
let sandbox: RunningSandbox;
let dataDir: string;
const conn = () => [
  '--base-url',
  sandbox.url,
  '--merchant',
  '77',
  '--scheme',
  'sha256-body',
  '--secret-stdin',
  '--data-dir',
  dataDir,
];
const call = (op: string, body: unknown, extra: string[] = []) =>
  runCli(['call', op, '--json', JSON.stringify(body), ...conn(), ...extra], `${SECRET}\n`);

beforeAll(async () => {
  sandbox = await startSandbox({ merchants: [{ id: 77, secret: SECRET }], asyncMs: 10 });
  dataDir = tempDir();
});
afterAll(async () => {
  await sandbox.close();
});

describe('bad input: one specific line, exit 2, nothing sent, nothing journaled', () => {
  it.each([
    [['call', 'card.fly', '--json', '{}'], /unknown operation "card\.fly"/],
    [['call', 'card.info', '--json', '{"card_id":'], /--json is not valid JSON/],
    [['call', 'card.info', '--json', '[1]'], /--json must be a JSON object/],
    [
      ['call', 'card.issueBulk', '--json', '{"product_id":2000,"quantity":0}'],
      /invalid body for card\.issueBulk: quantity: at least 1/,
    ],
    [['call', 'card.info', '--json', '{"card_id":"c1"}', '--colour'], /--colour/],
    [['call', 'card.info', '--json', '{"card_id":"c1"}', '--secret', 'x'], /--secret/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('%j', async (args, message) => {
    const requests = sandbox.stats().requests;
    const result = await runCli([...args, ...conn()], `${SECRET}\n`);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
    expect(sandbox.stats().requests).toBe(requests);
    const journal = join(dataDir, 'journal.db');
    if (existsSync(journal)) expect(readFileSync(journal, 'latin1')).not.toContain('issueBulk');
  });

  it('refuses plain http to a non-loopback host and an unknown scheme', async () => {
    const http = await runCli(
      [
        'call',
        'card.info',
        '--json',
        '{"card_id":"c"}',
        '--base-url',
        'http://api.freedompay.kg',
        '--merchant',
        '1',
        '--scheme',
        'sha256-body',
        '--secret-stdin',
      ],
      'x',
    );
    expect(http).toMatchObject({ code: 2 });
    expect(http.stderr).toMatch(/https/);
    const scheme = await runCli(
      [
        'call',
        'card.info',
        '--json',
        '{"card_id":"c"}',
        '--base-url',
        sandbox.url,
        '--merchant',
        '1',
        '--scheme',
        'md5',
        '--secret-stdin',
      ],
      'x',
    );
    expect(scheme.code).toBe(2);
    expect(scheme.stderr).toMatch(/--scheme must be one of sha256-body, jws-hs512/);
  });
});

describe('outcomes and exit codes', () => {
  it('exit 0 for done, with the generated request id journaled', async () => {
    const result = await call('card.issueBulk', { product_id: 2000, quantity: 2 });
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { outcome: string; request_id: string; result: { cards: unknown[] } };
    expect(printed.outcome).toBe('done');
    expect(printed.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(printed.result.cards).toHaveLength(2);
    const list = await runCli(['journal', 'list', '--json', '--data-dir', dataDir]);
    const entries = (
      JSON.parse(list.stdout) as { entries: { key: string; state: string; params: Record<string, unknown> }[] }
    ).entries;
    expect(entries.find((e) => e.key === printed.request_id)).toMatchObject({
      state: 'done',
      params: { request_id: printed.request_id, quantity: 2 },
    });
  });

  it('exit 1 for a business error', async () => {
    const result = await call('card.info', { card_id: 'missing' });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ outcome: 'failed', code: 'card_not_found' });
  });

  it('exit 4 when the server cannot be reached', async () => {
    const result = await runCli(
      [
        'call',
        'card.activate',
        '--json',
        '{"card_id":"c"}',
        '--base-url',
        'http://127.0.0.1:9',
        '--merchant',
        '77',
        '--scheme',
        'jws-hs512',
        '--secret-stdin',
        '--data-dir',
        dataDir,
      ],
      SECRET,
    );
    expect(result.code).toBe(4);
    expect(JSON.parse(result.stdout)).toMatchObject({ outcome: 'transport' });
  });

  it('exit 3 when the outcome stays unknown; journal reconcile settles it later', async () => {
    sandbox.setFaults({ next: [{ op: '*', kind: 'timeout_after_commit', count: 50 }] });
    const result = await call('card.issueBulk', { product_id: 2000, quantity: 1 }, ['--timeout-ms', '300']);
    sandbox.clearFaults();
    expect(result.code).toBe(3);
    const printed = JSON.parse(result.stdout) as { outcome: string; request_id: string };
    expect(printed.outcome).toBe('unknown');

    const reconcile = await runCli(['journal', 'reconcile', ...conn()], SECRET);
    expect(reconcile.code).toBe(0);
    expect(JSON.parse(reconcile.stdout)).toMatchObject({
      settled: [{ key: printed.request_id, state: 'done' }],
      stillOpen: [],
    });
  });

  it('settles earlier unknown operations of the same connection when the next call starts', async () => {
    sandbox.setFaults({ next: [{ op: '*', kind: 'timeout_after_commit', count: 50 }] });
    const lost = await call('card.issueBulk', { product_id: 2000, quantity: 1 }, ['--timeout-ms', '300']);
    sandbox.clearFaults();
    expect(lost.code).toBe(3);
    const { request_id: key } = JSON.parse(lost.stdout) as { request_id: string };
    const next = await call('gift.products', {});
    expect(next.code).toBe(0);
    expect(next.stderr).toContain(`earlier card.issueBulk ${key}: done`);
  });

  it('masks card secret data unless --reveal is given', async () => {
    const issued = JSON.parse((await call('card.issueBulk', { product_id: 2000, quantity: 1 })).stdout) as {
      result: { cards: { card_id: string }[] };
    };
    const cardId = issued.result.cards[0]?.card_id;
    const masked = JSON.parse((await call('card.secret', { card_id: cardId })).stdout) as {
      result: { pan: string; cvv: string };
    };
    expect(masked.result.pan).toMatch(/^\d{6}\*{6}\d{4}$/);
    expect(masked.result.cvv).toBe('***');
    const revealed = JSON.parse((await call('card.secret', { card_id: cardId }, ['--reveal'])).stdout) as {
      result: { pan: string };
    };
    expect(revealed.result.pan).toMatch(/^\d{16}$/);
  });
});

describe('the secret', () => {
  it('appears in no output and no file of the data folder', async () => {
    const outputs = await Promise.all([
      call('card.issueBulk', { product_id: 2000, quantity: 1 }),
      call('card.info', { card_id: 'missing' }),
    ]);
    for (const { stdout, stderr } of outputs) {
      expect(stdout).not.toContain(SECRET);
      expect(stderr).not.toContain(SECRET);
    }
    const files = filesUnder(dataDir);
    expect(files.some((f) => f.endsWith('card-desk.log'))).toBe(true);
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toContain(SECRET);
  });
});

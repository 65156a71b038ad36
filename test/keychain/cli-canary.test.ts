// The canary: a full CLI session with a unique merchant secret kept in the real keychain (gnome-keyring in a
// private D-Bus session). Afterwards the secret is in no file of the data folder and no output.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/index.ts';
import { filesUnder } from '../support/files-under.ts';
import { leaksIn, leaksInFiles } from '../support/leak-scan.ts';
import { recordFigures } from '../verify/figures.ts';
import { runCli, type CliResult } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const CANARY = `canary-${randomBytes(12).toString('hex')}`;
const MERCHANT = 31337;
let bank: RunningSandbox;
let dataDir: string;
const outputs: CliResult[] = [];

async function cli(args: string[], stdin = ''): Promise<CliResult> {
  const result = await runCli([...args, '--data-dir', dataDir], stdin);
  outputs.push(result);
  return result;
}

beforeAll(async () => {
  bank = await startSandbox({ merchants: [{ id: MERCHANT, secret: CANARY }], asyncMs: 5 });
  dataDir = tempDir();
});
afterAll(async () => {
  await cli(['secret', 'clear', 'kz-canary']);
  await bank.close();
});

describe('a full CLI session with the keychain', () => {
  it('provisions, stores the secret, calls, journals, errs, and leaks the secret nowhere', async () => {
    const file = join(dataDir, 'provisioning.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        profiles: [
          {
            id: 'kz-canary',
            name: 'Canary branch',
            region: 'KZ',
            environment: 'test',
            baseUrl: bank.url,
            merchantId: MERCHANT,
            allowedOperations: ['clients', 'cards', 'cards.secret', 'bulk'],
          },
        ],
        policy: { locked: ['idleLockMinutes'], idleLockMinutes: 5 },
      }),
    );
    expect((await cli(['profile', 'import', file])).code).toBe(0);
    expect(JSON.parse((await cli(['secret', 'status', 'kz-canary', '--json'])).stdout)).toMatchObject({
      secret: 'absent',
      store: 'keychain',
    });

    expect((await cli(['secret', 'set', 'kz-canary'], `${CANARY}\n`)).code).toBe(0);
    expect(JSON.parse((await cli(['secret', 'status', 'kz-canary', '--json'])).stdout)).toMatchObject({
      secret: 'present',
    });
    const test = await cli(['secret', 'test', 'kz-canary']);
    expect(test.code).toBe(0);
    expect(test.stdout).toMatch(/signature accepted/);

    const issued = await cli([
      'call',
      'card.issueBulk',
      '--json',
      '{"product_id":2000,"quantity":2}',
      '--profile',
      'kz-canary',
    ]);
    expect(issued.code).toBe(0);
    const cardId = (JSON.parse(issued.stdout) as { result: { cards: { card_id: string }[] } }).result.cards[0]?.card_id;
    const secretData = await cli([
      'call',
      'card.secret',
      '--json',
      JSON.stringify({ card_id: cardId }),
      '--profile',
      'kz-canary',
    ]);
    expect(secretData.code).toBe(0);
    expect((JSON.parse(secretData.stdout) as { result: { pan: string } }).result.pan).toMatch(/\*{6}/);
    expect((await cli(['call', 'card.info', '--json', '{"card_id":"nope"}', '--profile', 'kz-canary'])).code).toBe(1);
    expect((await cli(['call', 'card.issueBulk', '--json', '{"product_id":7}', '--profile', 'kz-canary'])).code).toBe(
      2,
    );
    const refused = await cli(['call', 'gift.products', '--json', '{}', '--profile', 'kz-canary']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not allowed/);

    bank.setFaults({ next: [{ op: '*', kind: 'timeout_after_commit', count: 20 }] });
    const lost = await cli([
      'call',
      'card.issueBulk',
      '--json',
      '{"product_id":2000,"quantity":1}',
      '--profile',
      'kz-canary',
      '--timeout-ms',
      '300',
    ]);
    bank.clearFaults();
    expect(lost.code).toBe(3);
    const reconciled = await cli(['journal', 'reconcile', '--profile', 'kz-canary']);
    expect(reconciled.code).toBe(0);
    expect((await cli(['journal', 'list'])).stdout).toMatch(/done\s+card\.issueBulk/);

    // The wrong secret is refused as such, and the embedded default works alongside.
    expect((await cli(['secret', 'set', 'kz-canary'], 'wrong\n')).code).toBe(0);
    expect((await cli(['secret', 'test', 'kz-canary'])).code).toBe(1);
    expect((await cli(['secret', 'set', 'kz-canary'], `${CANARY}\n`)).code).toBe(0);
    expect((await cli(['call', 'gift.products', '--json', '{}', '--profile', 'sandbox'])).code).toBe(0);

    // The leak scan: the canary secret, card numbers and CVV values in every output and file.
    const canaries = { exact: [CANARY] };
    const hits = [
      ...outputs.flatMap(({ stdout, stderr }) => leaksIn(`${stdout}\n${stderr}`, canaries).map((h) => `output: ${h}`)),
      ...leaksInFiles(dataDir, canaries),
    ];
    recordFigures('leaks-cli', { leaks: hits.length }, [
      `${String(outputs.length)} CLI runs and ${String(filesUnder(dataDir).length)} files scanned for the canary secret, card numbers and CVVs`,
      ...hits.slice(0, 5),
    ]);
    expect(hits).toEqual([]);
    for (const { stdout, stderr } of outputs) {
      expect(stdout).not.toContain(CANARY);
      expect(stderr).not.toContain(CANARY);
    }
    const files = filesUnder(dataDir);
    expect(files.map((f) => f.slice(dataDir.length + 1)).sort()).toEqual(
      expect.arrayContaining([
        'journal.db',
        'logs/card-desk.log',
        'provisioning.json',
        'sandbox-state.json',
        'settings.json',
      ]),
    );
    for (const f of files) expect(readFileSync(f, 'latin1'), f).not.toContain(CANARY);
  });
});

// keytar builds against libsecret's headers, which a fresh Linux machine lacks. It is an optional dependency, so
// `npm install` still succeeds there, and without the module the app runs on its labelled in-memory vault.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = new URL('../../', import.meta.url);
const HIDE_KEYTAR = fileURLToPath(new URL('test/support/hide-keytar.ts', root));
const withoutKeytar = { NODE_OPTIONS: `--import=${HIDE_KEYTAR}` };

function readJson(path: string): Record<string, Record<string, unknown> | undefined> {
  return JSON.parse(readFileSync(new URL(path, root), 'utf8')) as Record<string, Record<string, unknown> | undefined>;
}

describe('without the keytar module', () => {
  it('is an optional dependency in package.json and the lock, so npm tolerates its failed build', () => {
    const pkg = readJson('package.json');
    expect(pkg.dependencies?.keytar).toBeUndefined();
    expect(pkg.optionalDependencies?.keytar).toBe('^7.9.0');
    const packages = readJson('package-lock.json').packages as Record<string, Record<string, unknown>>;
    expect(packages['']?.dependencies).not.toHaveProperty('keytar');
    expect(packages['']?.optionalDependencies).toEqual({ keytar: '^7.9.0' });
    expect(packages['node_modules/keytar']).toMatchObject({ version: '7.9.0', optional: true });
  });

  it('the keychain vault reports unavailable and says the module could not be loaded', async () => {
    const script = `
      const { KeytarVault } = await import(${JSON.stringify(fileURLToPath(new URL('main/core/vault/index.ts', root)))});
      const vault = new KeytarVault({ development: true });
      const status = await vault.status('sandbox', 'merchant-secret');
      const error = await vault.set('sandbox', 'merchant-secret', Buffer.from('a-secret-value')).catch((e) => e);
      console.log(JSON.stringify({ status, error: error.message }));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, ...withoutKeytar },
    });
    expect(JSON.parse(stdout)).toEqual({
      status: 'unavailable',
      error: "the OS keychain is unavailable: the keytar module could not be loaded (Cannot find module 'keytar')",
    });
  });

  it('the CLI issues on the Sandbox, its secret labelled as kept in memory only', async () => {
    const dataDir = tempDir('card-desk-no-keytar-');
    const body = JSON.stringify({ product_id: 2000, quantity: 1 });
    const call = await runCli(
      ['call', 'card.issueBulk', '--json', body, '--profile', 'sandbox', '--data-dir', dataDir],
      '',
      withoutKeytar,
    );
    expect(call.code).toBe(0);
    expect(JSON.parse(call.stdout)).toMatchObject({ outcome: 'done' });
    const status = await runCli(['secret', 'status', 'sandbox', '--json', '--data-dir', dataDir], '', withoutKeytar);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ profile: 'sandbox', secret: 'present', store: 'memory' });
  });
});

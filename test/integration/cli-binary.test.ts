// The installable `card-desk` binary (package.json bin) runs the compiled CLI from dist/, on the Node it needs.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  bin: Record<string, string>;
  engines: { node: string };
};
const binPath = new URL(pkg.bin['card-desk'] ?? '', root).pathname;

/** Runs `node bin` and resolves with its exit code and output, whatever the code. */
async function runBin(node: string, bin: string, args: string[]) {
  try {
    const { stdout, stderr } = await run(node, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout: string; stderr: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('card-desk binary', () => {
  it('is declared in package.json and answers help from the build', async () => {
    expect(pkg.bin['card-desk']).toBe('bin/card-desk.js');
    // `npm install` builds dist/ through the prepare script; CI builds before testing.
    expect(existsSync(new URL('dist/main/cli/index.js', root))).toBe(true);
    // The project's Node (vitest runs on it) passes the version check.
    const { code, stdout, stderr } = await runBin(process.execPath, binPath, ['help']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^Card Desk admin CLI/);
    expect(stdout).toContain('card-desk call <op id>');
  });

  it('on the system Node 20 says in one line which Node it needs and exits 2', async () => {
    // The build machines' /usr/bin/node is Node 20; without the check it dies inside undici with a TypeError.
    const systemNode = '/usr/bin/node';
    const { stdout: version } = await run(systemNode, ['-p', 'process.versions.node']);
    expect(Number(version.split('.')[0])).toBeLessThan(24);
    expect(await runBin(systemNode, binPath, ['help'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `card-desk: needs Node >=24 <25, but this is Node ${version.trim()} (${systemNode})\n`,
    });
  });

  it('checks the version from package.json engines before it loads anything of the CLI', async () => {
    // A copy with no dist/ at all: loading the CLI first would fail with ERR_MODULE_NOT_FOUND instead.
    const copy = tempDir('card-desk-bin-');
    mkdirSync(join(copy, 'bin'));
    copyFileSync(binPath, join(copy, 'bin', 'card-desk.js'));
    const major = Number(process.versions.node.split('.')[0]);
    const needed = `>=${String(major + 1)}`;
    writeFileSync(join(copy, 'package.json'), JSON.stringify({ type: 'module', engines: { node: needed } }));
    expect(await runBin(process.execPath, join(copy, 'bin', 'card-desk.js'), ['help'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `card-desk: needs Node ${needed}, but this is Node ${process.versions.node} (${process.execPath})\n`,
    });
  });
});

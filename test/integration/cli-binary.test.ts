// The installable `card-desk` binary (package.json bin) runs the compiled CLI from dist/.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);

describe('card-desk binary', () => {
  it('is declared in package.json and answers help from the build', async () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { bin: Record<string, string> };
    const bin = pkg.bin['card-desk'];
    expect(bin).toBe('bin/card-desk.js');
    // `npm install` builds dist/ through the prepare script; CI builds before testing.
    expect(existsSync(new URL('dist/main/cli/index.js', root))).toBe(true);
    const { stdout } = await run(process.execPath, [new URL(bin ?? '', root).pathname, 'help']);
    expect(stdout).toMatch(/^Card Desk admin CLI/);
    expect(stdout).toContain('card-desk call <op id>');
  });
});

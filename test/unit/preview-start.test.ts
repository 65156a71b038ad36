// `npm start` (scripts/start.ts): the desktop app only where an Electron binary is on disk, else the preview.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { findElectronRuntime } from '../../scripts/start.ts';
import { tempDir } from '../support/temp-dir.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function fakeRoot(files: Record<string, string>): string {
  const root = tempDir('card-desk-start-');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('findElectronRuntime', () => {
  const display = { DISPLAY: ':0' };

  it('says why when the package, path.txt or the binary is missing, or there is no display', () => {
    expect(findElectronRuntime(fakeRoot({}), display, 'linux')).toEqual({
      available: false,
      reason: 'the electron package is not installed',
    });
    const noPathTxt = fakeRoot({ 'node_modules/electron/package.json': '{}' });
    expect(findElectronRuntime(noPathTxt, display, 'linux')).toMatchObject({
      available: false,
      reason: expect.stringContaining('path.txt is missing') as unknown,
    });
    const noBinary = fakeRoot({
      'node_modules/electron/package.json': '{}',
      'node_modules/electron/path.txt': 'electron',
    });
    expect(findElectronRuntime(noBinary, display, 'linux')).toMatchObject({
      available: false,
      reason: expect.stringContaining('is missing') as unknown,
    });
    const present = fakeRoot({
      'node_modules/electron/package.json': '{}',
      'node_modules/electron/path.txt': 'electron',
      'node_modules/electron/dist/electron': '',
    });
    expect(findElectronRuntime(present, {}, 'linux')).toEqual({
      available: false,
      reason: 'no display: DISPLAY and WAYLAND_DISPLAY are unset',
    });
    expect(findElectronRuntime(present, display, 'linux')).toEqual({
      available: true,
      binary: join(present, 'node_modules/electron/dist/electron'),
    });
    expect(findElectronRuntime(present, {}, 'darwin')).toMatchObject({ available: true });
  });

  it('falls back to the preview in one line, then prints the URL, and stops cleanly on SIGTERM', async () => {
    const runtime = findElectronRuntime(ROOT);
    if (runtime.available) return; // a machine with Electron starts the app instead; covered above
    const child = spawn(
      process.execPath,
      [join(ROOT, 'scripts/start.ts'), '--data-dir', tempDir('card-desk-start-data-')],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const lines: string[] = [];
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        if (lines.length === 2) resolve();
      });
      void exited.then((code) => {
        reject(new Error(`start exited (${String(code)}) early: ${lines.join('\n')}`));
      });
    });
    expect(lines[0]).toBe(
      `Electron runtime not available here (${runtime.reason}); starting the browser preview instead.`,
    );
    expect(lines[1]).toMatch(/^Card Desk preview: http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});

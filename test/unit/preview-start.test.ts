// `npm start` (scripts/start.ts): the desktop app where an Electron binary is on disk or Electron's installer can
// fetch it, else one line saying why and the preview.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { findElectronRuntime, startMain } from '../../scripts/start.ts';
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
      downloadable: true,
    });
    // Without a display the binary would be of no use, so it is not offered for download.
    expect(findElectronRuntime(noPathTxt, {}, 'linux')).toEqual({
      available: false,
      reason: 'no display: DISPLAY and WAYLAND_DISPLAY are unset',
    });
    const noBinary = fakeRoot({
      'node_modules/electron/package.json': '{}',
      'node_modules/electron/path.txt': 'electron',
    });
    expect(findElectronRuntime(noBinary, display, 'linux')).toMatchObject({
      available: false,
      reason: expect.stringContaining('is missing') as unknown,
      downloadable: true,
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
});

describe('startMain', () => {
  it("runs Electron's installer for a missing binary, then starts the desktop app with the binary it got", async () => {
    // The electron package's installer writes path.txt once the binary is unpacked; this one only records its Node.
    const root = fakeRoot({
      'node_modules/electron/package.json': '{}',
      'node_modules/electron/install.js': [
        "const { writeFileSync } = require('node:fs');",
        "writeFileSync(`${__dirname}/path.txt`, 'electron');",
        'writeFileSync(`${__dirname}/installed-with.txt`, process.execPath);',
      ].join('\n'),
      'dist/main/shell/main.js': '',
      'dist/preload/index.cjs': '',
      'dist/renderer/index.html': '',
    });
    const dist = tempDir('card-desk-electron-dist-');
    const binary = join(dist, 'electron');
    writeFileSync(binary, `#!/bin/sh\nprintf '%s\\n' "$@" > "$(dirname "$0")/args.txt"\nexit 7\n`);
    chmodSync(binary, 0o755);
    const env = { PATH: process.env.PATH, ELECTRON_OVERRIDE_DIST_PATH: dist, DISPLAY: ':0' };
    expect(findElectronRuntime(root, env, 'linux')).toMatchObject({ available: false, downloadable: true });

    // The desktop app's exit code is npm start's.
    expect(await startMain([], root, { env, platform: 'linux' })).toBe(7);
    expect(readFileSync(join(root, 'node_modules/electron/installed-with.txt'), 'utf8')).toBe(process.execPath);
    expect(readFileSync(join(dist, 'args.txt'), 'utf8')).toBe(`${root}\n`);
  });

  it('falls back to the preview in one line when the download fails, then prints the URL, and stops on SIGTERM', async () => {
    // A local mirror that has no Electron, and an empty download cache: the real installer fails at once,
    // whatever the machine's network.
    const requests: string[] = [];
    const mirror = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    const { port } = mirror.address() as AddressInfo;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DISPLAY: process.env.DISPLAY ?? ':0',
      npm_config_electron_mirror: `http://127.0.0.1:${String(port)}/`,
      electron_config_cache: tempDir('card-desk-electron-cache-'),
    };
    delete env.ELECTRON_OVERRIDE_DIST_PATH;
    const runtime = findElectronRuntime(ROOT, env);
    if (runtime.available) return; // a machine with Electron starts the app instead; covered above
    expect(runtime).toMatchObject({ downloadable: true });

    const child = spawn(
      process.execPath,
      [join(ROOT, 'scripts/start.ts'), '--data-dir', tempDir('card-desk-start-data-')],
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const lines: string[] = [];
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        if (lines.length === 2) resolve();
      });
      void exited.then((code) => {
        reject(new Error(`start exited (${String(code)}) early: ${lines.join('\n')}\n${stderr}`));
      });
    });
    mirror.close();
    expect(requests).toEqual([expect.stringMatching(/^\/v[\d.]+\/electron-v[\d.]+-[\w-]+\.zip$/)]);
    expect(lines[0]).toBe(
      `Electron runtime not available here (Electron's installer could not fetch the binary: HTTPError: Response ` +
        `code 404 (Not Found) for http://127.0.0.1:${String(port)}${requests[0] ?? ''}); starting the browser ` +
        'preview instead.',
    );
    expect(lines[1]).toMatch(/^Card Desk preview: http:\/\/127\.0\.0\.1:\d+\/#code=[A-Za-z0-9_-]{43}$/);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // The reason is the only line: the installer failed before a running download is announced.
    expect(stderr).toBe('');
  }, 60_000);
});

#!/usr/bin/env node
// `npm start`: the desktop app when an Electron runtime can be had; otherwise one line saying why, and the
// browser preview instead (issue 4), which prints its URL. Arguments after `--` go to the preview.
// Never `require('electron')` here: under plain Node it tries to download the binary (TOOLCHAIN.md).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronRuntime = { available: true; binary: string } | { available: false; reason: string };

/** Whether an Electron binary is on disk, by the electron package's own path.txt; nothing is downloaded. */
export function findElectronRuntime(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): ElectronRuntime {
  const pkg = join(root, 'node_modules', 'electron');
  if (!existsSync(join(pkg, 'package.json')))
    return { available: false, reason: 'the electron package is not installed' };
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      available: false,
      reason: 'node_modules/electron/path.txt is missing: the Electron binary was never downloaded',
    };
  }
  const relativeBinary = readFileSync(pathFile, 'utf8').trim();
  if (relativeBinary === '') return { available: false, reason: 'node_modules/electron/path.txt is empty' };
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const binary = join(distDir, relativeBinary);
  if (!existsSync(binary)) return { available: false, reason: `the Electron binary ${binary} is missing` };
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { available: false, reason: 'no display: DISPLAY and WAYLAND_DISPLAY are unset' };
  }
  return { available: true, binary };
}

/** What the desktop app loads: package.json "main", the sandboxed preload bundle, the built renderer. */
export const DESKTOP_BUILD_OUTPUTS = ['dist/main/shell/main.js', 'dist/preload/index.cjs', 'dist/renderer/index.html'];
export const RENDERER_ENTRY = 'dist/renderer/index.html';

function npmBuild(root: string): boolean {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const built = spawnSync(npm, ['run', '-s', 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return built.status === 0;
}

async function buildRenderer(root: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.renderer.config.ts'), logLevel: 'warn' });
}

export async function startMain(argv: string[], root: string = join(import.meta.dirname, '..')): Promise<number> {
  const runtime = findElectronRuntime(root);
  if (runtime.available) {
    if (DESKTOP_BUILD_OUTPUTS.some((file) => !existsSync(join(root, file))) && !npmBuild(root)) {
      process.stderr.write('card-desk: the build failed; see above\n');
      return 1;
    }
    const child = spawn(runtime.binary, [root], { cwd: root, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    process.on('SIGINT', forward('SIGINT'));
    process.on('SIGTERM', forward('SIGTERM'));
    return new Promise((resolveExit) => {
      child.on('error', (error) => {
        process.stderr.write(`card-desk: Electron did not start: ${error.message}\n`);
        resolveExit(1);
      });
      child.on('exit', (code, signal) => {
        resolveExit(code ?? (signal === null ? 1 : 128));
      });
    });
  }

  process.stdout.write(
    `Electron runtime not available here (${runtime.reason}); starting the browser preview instead.\n`,
  );
  if (!existsSync(join(root, RENDERER_ENTRY))) {
    try {
      await buildRenderer(root);
    } catch (error) {
      process.stderr.write(`card-desk: the renderer build failed: ${(error as Error).message}\n`);
      return 1;
    }
  }
  const { previewMain } = await import('../main/preview/index.ts');
  return previewMain(argv);
}

if (import.meta.main) {
  startMain(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`card-desk: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

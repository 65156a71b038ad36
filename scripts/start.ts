#!/usr/bin/env node
// `npm start`: the desktop app when an Electron runtime can be had; otherwise one line saying why, and the
// browser preview instead, which prints its URL. Arguments after `--` go to the preview.
// Electron downloads its binary on first use, not at install, so a missing binary is fetched here with the
// electron package's own installer. Never `require('electron')` for that: it downloads with inherited output
// and throws a message that names neither the cause nor the preview.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronRuntime =
  | { available: true; binary: string }
  | {
      available: false;
      reason: string;
      /** Only the binary is missing, which Electron's installer can fetch. */
      downloadable?: true;
    };

/** Whether an Electron binary is on disk, by the electron package's own path.txt; nothing is downloaded. */
export function findElectronRuntime(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): ElectronRuntime {
  const pkg = join(root, 'node_modules', 'electron');
  if (!existsSync(join(pkg, 'package.json')))
    return { available: false, reason: 'the electron package is not installed' };
  // Checked before the binary: without a display, downloading it would be of no use.
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { available: false, reason: 'no display: DISPLAY and WAYLAND_DISPLAY are unset' };
  }
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      available: false,
      reason: 'node_modules/electron/path.txt is missing: the Electron binary was never downloaded',
      downloadable: true,
    };
  }
  const relativeBinary = readFileSync(pathFile, 'utf8').trim();
  if (relativeBinary === '')
    return { available: false, reason: 'node_modules/electron/path.txt is empty', downloadable: true };
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const binary = join(distDir, relativeBinary);
  if (!existsSync(binary))
    return { available: false, reason: `the Electron binary ${binary} is missing`, downloadable: true };
  return { available: true, binary };
}

export type InstallOutcome = { ok: true } | { ok: false; reason: string };
export type ElectronInstaller = (root: string, env: NodeJS.ProcessEnv) => Promise<InstallOutcome>;

/** A download that is still running after this long gets a line saying what the wait is for. */
const DOWNLOAD_NOTICE_MS = 2_000;

/**
 * Runs the electron package's installer (its `install-electron` bin) with this Node: it downloads the binary
 * for this platform (or takes it from Electron's cache), unpacks it into node_modules/electron/dist and writes
 * path.txt. Its own output is kept back, so that a failure becomes one line: the first line of what it printed.
 */
export const runElectronInstaller: ElectronInstaller = (root, env) => {
  const script = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(script)) return Promise.resolve({ ok: false, reason: 'node_modules/electron/install.js is missing' });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (output.length < 64 * 1024) output += chunk;
    });
    const notice = setTimeout(() => {
      process.stderr.write('card-desk: downloading the Electron runtime (first start only)…\n');
    }, DOWNLOAD_NOTICE_MS);
    const settle = (outcome: InstallOutcome) => {
      clearTimeout(notice);
      resolve(outcome);
    };
    child.on('error', (error) => {
      settle({ ok: false, reason: `Electron's installer did not run: ${error.message}` });
    });
    child.on('close', (code, signal) => {
      if (code === 0) {
        settle({ ok: true });
        return;
      }
      const said =
        output
          .split('\n')
          .find((line) => line.trim() !== '')
          ?.trim() ?? '';
      const why = said === '' ? `it exited with ${signal ?? `code ${String(code)}`}` : said.slice(0, 300);
      settle({ ok: false, reason: `Electron's installer could not fetch the binary: ${why}` });
    });
  });
};

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

/** What startMain takes from its surroundings; tests substitute them. */
export interface StartDeps {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  installElectron: ElectronInstaller;
  spawn: typeof spawn;
}

/** The runtime on disk, or else the one Electron's installer fetches now. */
async function obtainElectronRuntime(root: string, deps: StartDeps): Promise<ElectronRuntime> {
  const found = findElectronRuntime(root, deps.env, deps.platform);
  if (found.available || found.downloadable !== true) return found;
  const installed = await deps.installElectron(root, deps.env);
  if (!installed.ok) return { available: false, reason: installed.reason };
  return findElectronRuntime(root, deps.env, deps.platform);
}

function runDesktop(root: string, binary: string, deps: StartDeps): Promise<number> {
  const child = deps.spawn(binary, [root], { cwd: root, env: deps.env, stdio: 'inherit' });
  const forwarders = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const forward = () => child.kill(signal);
    process.on(signal, forward);
    return () => process.off(signal, forward);
  });
  return new Promise((resolveExit) => {
    const done = (code: number) => {
      for (const remove of forwarders) remove();
      resolveExit(code);
    };
    child.on('error', (error) => {
      process.stderr.write(`card-desk: Electron did not start: ${error.message}\n`);
      done(1);
    });
    child.on('exit', (code, signal) => {
      done(code ?? (signal === null ? 1 : 128));
    });
  });
}

export async function startMain(
  argv: string[],
  root: string = join(import.meta.dirname, '..'),
  overrides: Partial<StartDeps> = {},
): Promise<number> {
  const deps: StartDeps = {
    env: process.env,
    platform: process.platform,
    installElectron: runElectronInstaller,
    spawn,
    ...overrides,
  };
  const runtime = await obtainElectronRuntime(root, deps);
  if (runtime.available) {
    if (DESKTOP_BUILD_OUTPUTS.some((file) => !existsSync(join(root, file))) && !npmBuild(root)) {
      process.stderr.write('card-desk: the build failed; see above\n');
      return 1;
    }
    return runDesktop(root, runtime.binary, deps);
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

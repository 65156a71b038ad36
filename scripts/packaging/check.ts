#!/usr/bin/env node
// `npm run -s pack:check`: the packaging proof that runs on a machine with no Electron download (electron-builder cannot fetch Electron there).
//  (a) electron-builder.yml is validated offline with app-builder-lib's own getConfig + validateConfiguration
//      (the schema electron-builder itself enforces), and the validator is shown to reject a misspelt option;
//  (b) the security settings are asserted: fuses, asar + unpacked native files, hardened runtime with minimal
//      entitlements, updates off, targets, icons;
//  (c) electron-builder's CLI smoke-packs `--linux dir` against a stub Electron folder, and the produced
//      app.asar, app.asar.unpacked and the flipped fuse wire in the executable are inspected.
// Prints a short report; the last line is `pack:check ok`, or it exits 1 naming what failed.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getRawHeader, extractFile, type DirectoryRecord, type FileRecord } from '@electron/asar';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import {
  SHELL_ENTRY,
  asarProblems,
  entitlementProblems,
  fuseProblems,
  isIcns,
  isIco,
  pngSize,
  readFuseWire,
  securityProblems,
  stubElectronExecutable,
  type AsarEntry,
} from './lib.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PACK_TIMEOUT_MS = 120_000;
const require = createRequire(join(ROOT, 'package.json'));

type DebugLogger = Parameters<typeof validateConfiguration>[1];
const quietDebugLogger = { isEnabled: false, add: () => undefined } as unknown as DebugLogger;

interface PackageJson {
  version: string;
  main?: string;
  scripts?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const failures: string[] = [];
const report = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const fail = (section: string, problems: string[]): void => {
  for (const problem of problems) {
    failures.push(`${section}: ${problem}`);
    process.stdout.write(`  ✗ ${problem}\n`);
  }
};

function readPackageJson(file: string): PackageJson {
  return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------------------
// (a) offline validation with electron-builder's own schema
async function validate(): Promise<{ config: Configuration; valid: boolean } | null> {
  report('(a) electron-builder.yml against the electron-builder schema');
  let config: Configuration;
  try {
    config = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
  } catch (error) {
    fail('config', [`cannot be read: ${errorText(error)}`]);
    return null;
  }
  try {
    await validateConfiguration(config, quietDebugLogger);
  } catch (error) {
    fail('config', [`invalid: ${errorText(error)}`]);
    return { config, valid: false };
  }
  report('  ✓ valid');
  // The validator is live: the same config with a misspelt mac option must be refused.
  const broken = { ...config, mac: { ...config.mac, hardenedRuntme: true } } as Configuration;
  try {
    await validateConfiguration(broken, quietDebugLogger);
    fail('config', ['the validator accepted a misspelt option (mac.hardenedRuntme): validation is not effective']);
  } catch {
    report('  ✓ a misspelt option is refused');
  }
  return { config, valid: true };
}

// ---------------------------------------------------------------------------------------------------------
// (b) security-relevant settings, entitlements and icons
function assertSettings(config: Configuration): void {
  report('(b) security settings, entitlements, icons');
  const problems = securityProblems(config);
  const mac = config.mac ?? {};
  for (const file of [mac.entitlements, mac.entitlementsInherit]) {
    if (file == null) continue;
    const path = resolve(ROOT, file);
    if (!existsSync(path)) problems.push(`${file} does not exist`);
    else problems.push(...entitlementProblems(file, readFileSync(path, 'utf8')));
  }
  const resources = join(ROOT, config.directories?.buildResources ?? 'build');
  const png = join(resources, 'icon.png');
  const size = existsSync(png) ? pngSize(readFileSync(png)) : null;
  if (size?.width !== 1024 || size.height !== 1024) problems.push('assets/icon.png must be a 1024×1024 PNG');
  if (!existsSync(join(resources, 'icon.ico')) || !isIco(readFileSync(join(resources, 'icon.ico')))) {
    problems.push('assets/icon.ico must be a Windows icon');
  }
  if (!existsSync(join(resources, 'icon.icns')) || !isIcns(readFileSync(join(resources, 'icon.icns')))) {
    problems.push('assets/icon.icns must be an Apple icon image');
  }
  if (problems.length > 0) {
    fail('settings', problems);
    return;
  }
  report(
    '  ✓ fuses: runAsNode, NODE_OPTIONS, --inspect and file:// privileges off; only app.asar, asar integrity, cookie encryption on',
  );
  report('  ✓ asar with **/*.node unpacked; publish null; main = ' + SHELL_ENTRY);
  report('  ✓ mac dmg with hardened runtime, gatekeeperAssess false, entitlements = allow-jit only');
  report('  ✓ win nsis + msi, linux AppImage; icons png 1024², ico, icns');
}

// ---------------------------------------------------------------------------------------------------------
// (c) smoke pack against a stub Electron folder
function makeStubElectron(dir: string, version: string): void {
  // What electron-builder reads from an unpacked Electron for linux (app-builder-lib ElectronFramework.unpack
  // + beforeCopyExtraFiles): the folder is copied as is, `electron` is renamed to the executable name, fuses
  // are flipped in it, `resources/` receives app.asar, LICENSE becomes LICENSE.electron.txt.
  mkdirSync(join(dir, 'resources'), { recursive: true });
  writeFileSync(join(dir, 'electron'), stubElectronExecutable());
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(join(dir, 'LICENSE'), 'Stub for pack:check. Electron is MIT licensed.\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>stub</title>\n');
}

function asarEntries(archive: string): AsarEntry[] {
  const entries: AsarEntry[] = [];
  const walk = (dir: DirectoryRecord, prefix: string): void => {
    for (const [name, node] of Object.entries(dir.files)) {
      const path = prefix + name;
      if ('files' in node) {
        entries.push({ path, unpacked: false, isFile: false });
        walk(node, `${path}/`);
      } else {
        const file: Partial<FileRecord> & { link?: string } = node;
        entries.push({ path, unpacked: file.unpacked === true, isFile: file.link == null });
      }
    }
  };
  walk(getRawHeader(archive).header, '');
  return entries;
}

function smokePack(electronVersion: string): void {
  report('(c) electron-builder --linux dir against a stub Electron folder');
  const work = mkdtempSync(join(tmpdir(), 'card-desk-pack-'));
  const cleanup = (): void => {
    rmSync(work, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    cleanup();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const stub = join(work, 'electron-dist');
    const out = join(work, 'out');
    makeStubElectron(stub, electronVersion);
    const shellBuilt = existsSync(join(ROOT, SHELL_ENTRY));
    // electron-builder's own CLI, resolved from node_modules and run with this Node (never `npx`, which would
    // fetch the package from the registry if it were missing).
    const cli = require.resolve('electron-builder/cli.js');
    const args = [
      cli,
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      '--projectDir',
      ROOT,
      `-c.electronDist=${stub}`,
      `-c.electronVersion=${electronVersion}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${out}`,
      // Until the shell is built its entry cannot be in the asar; everything else is still checked.
      ...(shellBuilt ? [] : ['-c.disableSanityCheckAsar=true']),
    ];
    const started = Date.now();
    const run = spawnSync(process.execPath, args, {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: PACK_TIMEOUT_MS,
      killSignal: 'SIGKILL',
      env: {
        ...process.env,
        ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
        CSC_IDENTITY_AUTO_DISCOVERY: 'false',
        ELECTRON_BUILDER_CACHE: join(work, 'cache'),
        // No update checks, no telemetry-ish lookups from the CLI.
        NO_UPDATE_NOTIFIER: '1',
      },
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (run.error != null || run.status !== 0) {
      const why = run.error != null ? errorText(run.error) : `exit ${String(run.status ?? run.signal)}`;
      process.stdout.write(`${run.stdout}${run.stderr}`.split('\n').slice(-25).join('\n') + '\n');
      fail('smoke pack', [`electron-builder failed after ${seconds} s (${why})`]);
      return;
    }
    report(`  ✓ packed in ${seconds} s without network`);
    if (!shellBuilt) report(`  ! ${SHELL_ENTRY} is not built yet: its presence in app.asar was not checked`);

    const appOut = join(out, 'linux-unpacked');
    const archive = join(appOut, 'resources', 'app.asar');
    if (!existsSync(archive)) {
      fail('smoke pack', ['no resources/app.asar was produced']);
      return;
    }
    const pkg = readPackageJson(join(ROOT, 'package.json'));
    const entries = asarEntries(archive);
    const required = ['package.json', 'dist/main/cli/index.js', 'dist/main/core/desk.js'];
    // Whatever the build produced of the desktop app must be packed too.
    for (const built of [SHELL_ENTRY, 'dist/preload/index.cjs', 'dist/preload/index.js', 'dist/renderer/index.html']) {
      if (existsSync(join(ROOT, built))) required.push(built);
    }
    const problems = asarProblems(entries, {
      required,
      devDependencies: Object.keys(pkg.devDependencies ?? {}),
    });
    const packedPkg = JSON.parse(extractFile(archive, 'package.json').toString('utf8')) as PackageJson;
    if (packedPkg.main !== SHELL_ENTRY) problems.push(`package.json in app.asar has main ${String(packedPkg.main)}`);
    if (packedPkg.devDependencies != null) problems.push('package.json in app.asar still lists devDependencies');

    const keytarNode = 'node_modules/keytar/build/Release/keytar.node';
    const keytarEntry = entries.find((entry) => entry.path === keytarNode);
    if (!keytarEntry?.unpacked) problems.push(`${keytarNode} is not marked unpacked in app.asar`);
    if (!existsSync(join(appOut, 'resources', 'app.asar.unpacked', keytarNode))) {
      problems.push(`${keytarNode} is not in app.asar.unpacked`);
    }

    const executable = join(appOut, 'card-desk');
    const states = existsSync(executable) ? readFuseWire(readFileSync(executable)) : null;
    problems.push(...fuseProblems(states));

    if (problems.length > 0) {
      fail('smoke pack', problems);
      return;
    }
    const files = entries.filter((entry) => entry.isFile);
    const modules = new Set(
      files.filter((e) => e.path.startsWith('node_modules/')).map((e) => e.path.split('/').slice(0, 2).join('/')),
    );
    report(
      `  ✓ app.asar: ${String(files.length)} files, ${String(modules.size)} production packages; ${required.join(', ')}`,
    );
    report('  ✓ no test files, TypeScript sources, source maps, node_modules/.bin or devDependencies inside');
    report(`  ✓ ${keytarNode} in app.asar.unpacked`);
    report('  ✓ fuse wire of the packaged executable flipped as configured');
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    cleanup();
  }
}

// ---------------------------------------------------------------------------------------------------------
const electronPkg = readPackageJson(require.resolve('electron/package.json'));
const builderPkg = readPackageJson(require.resolve('electron-builder/package.json'));
report(`pack:check — electron ${electronPkg.version}, electron-builder ${builderPkg.version}`);
const validated = await validate();
if (validated != null) {
  assertSettings(validated.config);
  // electron-builder refuses an invalid configuration itself; packing would only repeat the message.
  if (validated.valid) smokePack(electronPkg.version);
  else report('(c) smoke pack skipped: the configuration is invalid');
}
if (failures.length > 0) {
  process.stdout.write(`pack:check FAILED: ${String(failures.length)} problem(s)\n`);
  for (const failure of failures) process.stderr.write(`  ${failure}\n`);
  process.exit(1);
}
report('pack:check ok');

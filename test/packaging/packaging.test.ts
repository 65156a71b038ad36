// The rules behind `npm run -s pack:check` (scripts/packaging/lib.ts), on the real electron-builder.yml and on
// deliberately broken variants. The smoke pack itself runs in CI as its own step (.ci/run).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { describe, expect, it } from 'vitest';
import {
  ELECTRON_DEFAULT_WIRE,
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
} from '../../scripts/packaging/lib.ts';

const ROOT = join(import.meta.dirname, '..', '..');
type DebugLogger = Parameters<typeof validateConfiguration>[1];
const debugLogger = { isEnabled: false, add: () => undefined } as unknown as DebugLogger;

async function projectConfig(): Promise<Configuration> {
  return getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema and every security rule', async () => {
    const config = await projectConfig();
    await expect(validateConfiguration(config, debugLogger)).resolves.toBeUndefined();
    expect(securityProblems(config)).toEqual([]);
  });

  it('the schema refuses a misspelt option', async () => {
    const config = await projectConfig();
    const broken = { ...config, mac: { ...config.mac, hardenedRuntme: true } } as Configuration;
    await expect(validateConfiguration(broken, debugLogger)).rejects.toThrow(/configuration/i);
  });

  it('names each weakened setting', async () => {
    const config = await projectConfig();
    const weakened = {
      ...config,
      asarUnpack: [],
      publish: { provider: 'generic', url: 'https://updates.invalid' },
      electronFuses: { ...config.electronFuses, runAsNode: true, onlyLoadAppFromAsar: false },
      mac: { ...config.mac, hardenedRuntime: false },
      win: { target: ['nsis'] },
    } as Configuration;
    const problems = securityProblems(weakened);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('asarUnpack'),
        expect.stringContaining('publish must be null'),
        expect.stringContaining('electronFuses.runAsNode'),
        expect.stringContaining('electronFuses.onlyLoadAppFromAsar'),
        expect.stringContaining('mac.hardenedRuntime'),
        expect.stringContaining('win.target must include msi'),
      ]),
    );
    const withoutPublish: Partial<Configuration> = { ...config };
    delete withoutPublish.publish;
    expect(securityProblems(withoutPublish as Configuration)).toContain(
      'publish must be null (updates off by default)',
    );
  });
});

describe('entitlements', () => {
  it('the shipped plists grant V8 JIT only', () => {
    for (const file of ['assets/entitlements.mac.plist', 'assets/entitlements.mac.inherit.plist']) {
      expect(entitlementProblems(file, readFileSync(join(ROOT, file), 'utf8'))).toEqual([]);
    }
  });

  it('refuses anything more', () => {
    const xml =
      '<plist><dict><key>com.apple.security.cs.allow-jit</key><true/>' +
      '<key>com.apple.security.cs.disable-library-validation</key><true/></dict></plist>';
    expect(entitlementProblems('x.plist', xml)).toEqual([
      'x.plist: entitlement com.apple.security.cs.disable-library-validation is not allowed',
    ]);
  });
});

describe('icons', () => {
  it('are a 1024² PNG, an ICO and an ICNS', () => {
    expect(pngSize(readFileSync(join(ROOT, 'assets/icon.png')))).toEqual({ width: 1024, height: 1024 });
    expect(isIco(readFileSync(join(ROOT, 'assets/icon.ico')))).toBe(true);
    expect(isIcns(readFileSync(join(ROOT, 'assets/icon.icns')))).toBe(true);
  });
});

describe('fuse wire', () => {
  it('the stub carries Electron’s default wire, which fails every required fuse', () => {
    const states = readFuseWire(stubElectronExecutable());
    expect(ELECTRON_DEFAULT_WIRE).toHaveLength(8);
    expect(states).toMatchObject({ runAsNode: true, enableCookieEncryption: false, onlyLoadAppFromAsar: false });
    expect(fuseProblems(states)).toHaveLength(7);
  });

  it('a binary without a wire is reported', () => {
    expect(fuseProblems(readFuseWire(Buffer.from('#!/bin/sh\n')))).toEqual([
      'the packaged executable has no fuse wire',
    ]);
  });
});

describe('app.asar contents', () => {
  const file = (path: string, unpacked = false): AsarEntry => ({ path, unpacked, isFile: true });
  const expectations = { required: ['package.json', 'dist/main/core/desk.js'], devDependencies: ['electron'] };

  it('accepts compiled code, production modules and an unpacked native file', () => {
    const entries = [
      file('package.json'),
      file('dist/main/core/desk.js'),
      file('node_modules/zod/index.js'),
      file('node_modules/keytar/build/Release/keytar.node', true),
    ];
    expect(asarProblems(entries, expectations)).toEqual([]);
  });

  it('names what must not be inside', () => {
    const entries = [
      file('package.json'),
      file('main/core/desk.ts'),
      file('dist/main/core/desk.js.map'),
      file('test/unit/a.test.ts'),
      file('node_modules/.bin/tsc'),
      { path: 'node_modules/electron', unpacked: false, isFile: false },
      file('node_modules/keytar/build/Release/keytar.node'),
    ];
    const problems = asarProblems(entries, expectations).join('\n');
    expect(problems).toContain('dist/main/core/desk.js is missing');
    expect(problems).toContain('TypeScript sources');
    expect(problems).toContain('source maps');
    expect(problems).toContain('test files');
    expect(problems).toContain('node_modules/.bin');
    expect(problems).toContain('devDependencies in app.asar: electron');
    expect(problems).toContain('native files packed inside the archive');
  });
});

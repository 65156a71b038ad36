// Pure checks behind `npm run -s pack:check` (scripts/packaging/check.ts): what electron-builder.yml must say,
// what the stub Electron folder looks like, and what the packed app may and may not contain. No I/O here
// except reading small files the caller names, so test/packaging can drive every rule directly.
import type { Configuration } from 'app-builder-lib';

/** Electron's fuse wire marker (@electron/fuses `SENTINEL`), followed by version byte, length byte, states. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse order of wire version 1 (@electron/fuses `FuseV1Options`). */
export const FUSE_V1_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
export type FuseName = (typeof FUSE_V1_ORDER)[number];

/** The fuses Card Desk requires (docs/architecture.md, security). */
export const REQUIRED_FUSES: Partial<Record<FuseName, boolean>> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
};

/** Electron 45's shipped fuse states, '1' enabled / '0' disabled, in FUSE_V1_ORDER. */
export const ELECTRON_DEFAULT_WIRE = '10110001';

export const APP_ID = 'kz.freedompay.carddesk';
export const PRODUCT_NAME = 'Card Desk';
export const SHELL_ENTRY = 'dist/main/shell/main.js';
/** The only entitlement the signed app and its helpers get (V8 needs JIT pages under the hardened runtime). */
export const ALLOWED_ENTITLEMENTS = ['com.apple.security.cs.allow-jit'];

function targetNames(target: unknown): string[] {
  const list: unknown[] = Array.isArray(target) ? target : target == null ? [] : [target];
  return list.flatMap((item) => {
    if (typeof item === 'string') return [item];
    if (typeof item === 'object' && item !== null && 'target' in item && typeof item.target === 'string') {
      return [item.target];
    }
    return [];
  });
}

/**
 * The security-relevant settings of the merged configuration (as app-builder-lib's getConfig returns it).
 * Returns one message per problem; empty when everything is in place.
 */
export function securityProblems(config: Configuration): string[] {
  const problems: string[] = [];
  if (config.appId !== APP_ID) problems.push(`appId must be ${APP_ID}, is ${String(config.appId)}`);
  if (config.productName !== PRODUCT_NAME) problems.push(`productName must be "${PRODUCT_NAME}"`);
  if (config.asar !== true) problems.push('asar must be true');
  const unpack =
    config.asarUnpack == null ? [] : Array.isArray(config.asarUnpack) ? config.asarUnpack : [config.asarUnpack];
  if (!unpack.includes('**/*.node')) problems.push("asarUnpack must include '**/*.node' (keytar's native file)");
  if (!('publish' in config) || config.publish !== null) problems.push('publish must be null (updates off by default)');
  if (config.npmRebuild === false)
    problems.push('npmRebuild must stay at its default in the file (real builds rebuild keytar)');
  // extraMetadata is typed `any` by app-builder-lib.
  const extraMetadata = (config.extraMetadata ?? {}) as Record<string, unknown>;
  const main = extraMetadata.main;
  if (main !== SHELL_ENTRY) problems.push(`extraMetadata.main must be ${SHELL_ENTRY}`);

  const fuses = (config.electronFuses ?? {}) as Partial<Record<FuseName, boolean>>;
  for (const [name, wanted] of Object.entries(REQUIRED_FUSES)) {
    const actual = fuses[name as FuseName];
    if (actual !== wanted) problems.push(`electronFuses.${name} must be ${String(wanted)}, is ${String(actual)}`);
  }

  const mac = config.mac ?? {};
  if (mac.hardenedRuntime !== true) problems.push('mac.hardenedRuntime must be true');
  if (mac.gatekeeperAssess !== false) problems.push('mac.gatekeeperAssess must be false');
  if (mac.notarize === false) problems.push('mac.notarize must not be false');
  if (mac.entitlements == null) problems.push('mac.entitlements must name the entitlements plist');
  if (mac.entitlementsInherit == null) problems.push('mac.entitlementsInherit must name the helpers plist');
  if (!targetNames(mac.target).includes('dmg')) problems.push('mac.target must include dmg');
  const winTargets = targetNames(config.win?.target);
  for (const wanted of ['nsis', 'msi']) {
    if (!winTargets.includes(wanted)) problems.push(`win.target must include ${wanted}`);
  }
  if (!targetNames(config.linux?.target).includes('AppImage')) problems.push('linux.target must include AppImage');
  return problems;
}

/** The keys of a plist's top-level dict whose value is <true/> (enough for entitlements files). */
export function plistTrueKeys(xml: string): string[] {
  return [...xml.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<key>([^<]+)<\/key>\s*<true\s*\/>/g)].map((m) => m[1] ?? '');
}

/** Every key of an entitlements plist (true or not). */
export function plistKeys(xml: string): string[] {
  return [...xml.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1] ?? '');
}

export function entitlementProblems(file: string, xml: string): string[] {
  const keys = plistKeys(xml);
  const extra = keys.filter((key) => !ALLOWED_ENTITLEMENTS.includes(key));
  const problems = extra.map((key) => `${file}: entitlement ${key} is not allowed`);
  for (const key of ALLOWED_ENTITLEMENTS) {
    if (!plistTrueKeys(xml).includes(key)) problems.push(`${file}: ${key} must be true`);
  }
  return problems;
}

/** Width and height of a PNG from its IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export function isIco(bytes: Uint8Array): boolean {
  return bytes.length > 6 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 1 && bytes[3] === 0;
}

export function isIcns(bytes: Uint8Array): boolean {
  return bytes.length > 8 && Buffer.from(bytes.subarray(0, 4)).toString('latin1') === 'icns';
}

/** A stand-in for Electron's linux executable: a shell script carrying Electron 45's default fuse wire. */
export function stubElectronExecutable(): Buffer {
  return Buffer.concat([
    Buffer.from(
      '#!/bin/sh\n' +
        '# Stub Electron for `npm run -s pack:check`: not a runtime, only the fuse wire electron-builder flips.\n' +
        'echo "stub Electron: no runtime here" >&2\nexit 1\n# ',
      'latin1',
    ),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, FUSE_V1_ORDER.length]),
    Buffer.from(ELECTRON_DEFAULT_WIRE, 'latin1'),
    Buffer.from('\n', 'latin1'),
  ]);
}

/** The fuse states in a binary, by name: true enabled, false disabled, null removed or absent. */
export function readFuseWire(binary: Uint8Array): Partial<Record<FuseName, boolean | null>> | null {
  const buffer = Buffer.from(binary.buffer, binary.byteOffset, binary.byteLength);
  const at = buffer.indexOf(FUSE_SENTINEL, 0, 'latin1');
  if (at < 0) return null;
  const wire = at + FUSE_SENTINEL.length;
  if (buffer[wire] !== 1) return null;
  const length = buffer[wire + 1] ?? 0;
  const states: Partial<Record<FuseName, boolean | null>> = {};
  FUSE_V1_ORDER.slice(0, length).forEach((name, i) => {
    const state = buffer[wire + 2 + i];
    states[name] = state === 0x31 ? true : state === 0x30 ? false : null;
  });
  return states;
}

export function fuseProblems(states: Partial<Record<FuseName, boolean | null>> | null): string[] {
  if (states == null) return ['the packaged executable has no fuse wire'];
  return Object.entries(REQUIRED_FUSES)
    .filter(([name, wanted]) => states[name as FuseName] !== wanted)
    .map(
      ([name, wanted]) =>
        `fuse ${name} is ${String(states[name as FuseName])} in the packaged binary, wanted ${String(wanted)}`,
    );
}

export interface AsarEntry {
  /** Path inside the archive without a leading slash, with forward slashes. */
  path: string;
  /** Whether electron-builder moved the file to app.asar.unpacked. */
  unpacked: boolean;
  isFile: boolean;
}

export interface AsarExpectations {
  /** Files that must be in the archive (paths without a leading slash). */
  required: string[];
  /** Package names that must not be in the archive's node_modules (the devDependencies). */
  devDependencies: string[];
}

/** What must and must not be in app.asar. */
export function asarProblems(entries: AsarEntry[], expect: AsarExpectations): string[] {
  const problems: string[] = [];
  const byPath = new Map(entries.map((entry) => [entry.path, entry]));
  for (const file of expect.required) {
    if (!byPath.get(file)?.isFile) problems.push(`${file} is missing from app.asar`);
  }
  const files = entries.filter((entry) => entry.isFile).map((entry) => entry.path);
  const own = files.filter((file) => !file.startsWith('node_modules/'));
  const offenders = (label: string, list: string[]): void => {
    if (list.length > 0) {
      const shown = list.slice(0, 5).join(', ');
      problems.push(`${label} in app.asar: ${shown}${list.length > 5 ? ` and ${String(list.length - 5)} more` : ''}`);
    }
  };
  offenders(
    'test files',
    files.filter(
      (file) =>
        /(^|\/)(test|tests|__tests__|spec|specs)\//.test(file) || /(^|\/)[^/]+\.(test|spec)\.[cm]?[jt]sx?$/.test(file),
    ),
  );
  offenders(
    'TypeScript sources',
    files.filter((file) => /\.(ts|tsx|mts|cts)$/.test(file)),
  );
  offenders(
    'source folders',
    own.filter((file) => /^(main|preload|renderer\/src|src|scripts|assets|docs)\//.test(file)),
  );
  offenders(
    'source maps',
    files.filter((file) => file.endsWith('.map')),
  );
  offenders(
    'node_modules/.bin',
    entries.map((entry) => entry.path).filter((file) => /(^|\/)node_modules\/\.bin(\/|$)/.test(file)),
  );
  const devInside = expect.devDependencies.filter((name) => byPath.has(`node_modules/${name}`));
  if (devInside.length > 0) problems.push(`devDependencies in app.asar: ${devInside.join(', ')}`);
  const packedNative = entries.filter((entry) => entry.isFile && entry.path.endsWith('.node') && !entry.unpacked);
  offenders(
    'native files packed inside the archive (must be unpacked)',
    packedNative.map((entry) => entry.path),
  );
  return problems;
}

// Where the shell finds its bundled parts: the preload bundle dist/preload/index.cjs and the renderer build
// dist/renderer (inside app.asar when packaged). main.ts normally runs compiled as dist/main/shell/main.js;
// run from the sources (main/shell/main.ts, tests) it looks in the repository's dist/ folder.
import { basename, join, resolve } from 'node:path';

export interface ShellPaths {
  preload: string;
  rendererRoot: string;
}

/** `shellDir` is the folder of the running main module (import.meta.dirname). */
export function shellPaths(shellDir: string): ShellPaths {
  const twoUp = resolve(shellDir, '..', '..');
  const dist = basename(twoUp) === 'dist' ? twoUp : join(twoUp, 'dist');
  return { preload: join(dist, 'preload', 'index.cjs'), rendererRoot: join(dist, 'renderer') };
}

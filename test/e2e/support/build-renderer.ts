// globalSetup of the projects that drive the real renderer: builds it once into a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    rendererDir: string;
  }
}

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Several projects (e2e, verify, keychain) use this setup in one run: the first builds, the others reuse it. */
let shared: Promise<string> | undefined;
let users = 0;

export default async function setup(project: TestProject): Promise<() => void> {
  users++;
  shared ??= buildOnce();
  const dir = await shared;
  project.provide('rendererDir', dir);
  return () => {
    if (--users === 0) rmSync(dir, { recursive: true, force: true });
  };
}

async function buildOnce(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'card-desk-e2e-renderer-'));
  // Vitest sets NODE_ENV=test, which would give React's development build; test what ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({
    mode: 'production',
    configFile: join(ROOT, 'vite.renderer.config.ts'),
    logLevel: 'silent',
    build: { outDir: dir, emptyOutDir: true },
  }).finally(() => {
    process.env.NODE_ENV = nodeEnv;
  });
  return dir;
}

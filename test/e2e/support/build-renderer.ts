// globalSetup of the e2e project: builds the renderer once into a temporary folder for every browser test file.
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

export default async function setup(project: TestProject): Promise<() => void> {
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
  project.provide('rendererDir', dir);
  return () => {
    rmSync(dir, { recursive: true, force: true });
  };
}

// globalSetup of the e2e project: the data folder most files start from, made once. A file's session then copies
// it instead of running the admin CLI (a Node process) before its preview starts: a fresh folder with the test
// dual-control choice (none) imported by `card-desk profile import`, exactly as provisionDualControl leaves it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { provisionDualControl } from './preview-operators.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data folder with no action under dual control (data-template.ts); absent where a project has none. */
    dataTemplate?: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'card-desk-e2e-template-'));
  await provisionDualControl(dir, []);
  project.provide('dataTemplate', dir);
  return () => {
    rmSync(dir, { recursive: true, force: true });
  };
}

// globalSetup of the e2e project: the data folder most files start from, made once. A file's session then copies
// it instead of running the admin CLI (a Node process) before its preview starts: a fresh folder with the test
// dual-control choice (none) imported by `card-desk profile import`, exactly as provisionDualControl leaves it.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import type { ApprovableMethod } from '../../../common/contract/index.ts';
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

/**
 * Gives a session's data folder its dual-control choice: a new folder with none copies the template, any other
 * goes through the admin CLI; 'default' leaves the built-in choice.
 */
export async function prepareDataDir(
  dataDir: string,
  isNew: boolean,
  dualControl: readonly ApprovableMethod[] | 'default',
): Promise<void> {
  if (dualControl === 'default') return;
  const template = inject('dataTemplate');
  if (isNew && dualControl.length === 0 && template !== undefined) cpSync(template, dataDir, { recursive: true });
  else await provisionDualControl(dataDir, dualControl);
}

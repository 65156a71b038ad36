// A desk over a throw-away data folder, the in-memory vault and the embedded sandbox (fast async completion).
import type { AppInfo } from '../../common/contract/index.ts';
import { Desk, type DeskOptions } from '../../main/core/desk.ts';
import { MemoryVault } from '../../main/core/vault/index.ts';
import { startSandbox } from '../../main/sandbox/index.ts';
import { tempDir } from './temp-dir.ts';

export function openTestDesk(overrides: Partial<DeskOptions> = {}): Desk {
  return Desk.open({
    dataDir: tempDir(),
    vault: new MemoryVault(),
    startEmbedded: ({ merchant, stateFile }) => startSandbox({ merchants: [merchant], stateFile, asyncMs: 5 }),
    deadlineMs: 1_000,
    ...overrides,
  });
}

/** What the services report as the app in tests (no Electron, IPC transport). */
export const TEST_APP_INFO: AppInfo = {
  name: 'Card Desk',
  version: '0.0.0',
  platform: 'linux',
  development: true,
  electron: null,
  transport: 'ipc',
};

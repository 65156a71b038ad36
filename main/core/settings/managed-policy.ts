// The managed policy: a provisioning-format file that IT puts at a fixed system location. Read at
// start; its locked values win over the operator's (policy.ts). An absent file is normal; a malformed one is
// reported, never thrown, so the app still starts, shows the problem and stays on its safe defaults.
import { statSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { ProvisioningError, readProvisioningFile } from './provisioning.ts';
import type { Provisioning } from '../../../common/settings/schema.ts';

const WINDOWS_PROGRAM_DATA = 'C:\\ProgramData';

/**
 * Where the managed policy lives. No variable of ours can relocate it (an operator could point it at an empty
 * file and escape the policy); callers pass the path explicitly. On Windows the system's %ProgramData% is used
 * only when it has the standard shape `<drive>:\ProgramData`, otherwise `C:\ProgramData`.
 */
export function managedPolicyPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'win32') {
    const programData = env.ProgramData ?? env.PROGRAMDATA;
    const base =
      programData !== undefined && /^[A-Za-z]:\\ProgramData\\?$/i.test(programData)
        ? programData.replace(/\\$/, '')
        : WINDOWS_PROGRAM_DATA;
    return win32.join(base, 'CardDesk', 'policy.json');
  }
  if (platform === 'darwin') return posix.join('/Library/Application Support', 'CardDesk', 'policy.json');
  return posix.join('/etc', 'card-desk', 'policy.json');
}

export interface ManagedPolicyRead {
  provisioning?: Provisioning;
  problem?: ProvisioningError;
}

/** `{}` when there is no managed policy; `{ problem }` when there is one that cannot be used. Never throws. */
export function readManagedPolicy(path: string): ManagedPolicyRead {
  try {
    statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return {};
    // Present but unreadable (permissions, I/O): reported by the read below with the OS reason.
  }
  try {
    return { provisioning: readProvisioningFile(path) };
  } catch (error) {
    if (error instanceof ProvisioningError) return { problem: error };
    return { problem: new ProvisioningError(path, [{ message: `cannot read the file: ${String(error)}` }]) };
  }
}

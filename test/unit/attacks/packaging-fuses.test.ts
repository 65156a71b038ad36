// Attack on the packaged binary's fuses (docs/packaging.md): with Electron's default grantFileProtocolExtraPrivileges
// on, a file:// page (a planted HTML file opened in the app) could fetch other local files. The app serves its
// pages from app://, so the fuse must be off, and pack:check must refuse a binary where it is not.
import { join } from 'node:path';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import { describe, expect, it } from 'vitest';
import {
  fuseProblems,
  readFuseWire,
  securityProblems,
  stubElectronExecutable,
} from '../../../scripts/packaging/lib.ts';
import { attack } from '../../support/attack.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('file:// privileges in the packaged binary', () => {
  it('the build turns the fuse off, and a binary that keeps it is refused by pack:check', () =>
    attack('packaging: file:// pages keep extra privileges', async () => {
      const config = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
      expect((config.electronFuses as Record<string, unknown>).grantFileProtocolExtraPrivileges).toBe(false);
      const keeping = { ...config, electronFuses: { ...config.electronFuses, grantFileProtocolExtraPrivileges: true } };
      expect(securityProblems(keeping)).toContain(
        'electronFuses.grantFileProtocolExtraPrivileges must be false, is true',
      );
      // Electron's own wire, as shipped: the fuse is on until electron-builder flips it.
      expect(fuseProblems(readFuseWire(stubElectronExecutable()))).toContain(
        'fuse grantFileProtocolExtraPrivileges is true in the packaged binary, wanted false',
      );
    }));
});

// The install id of a data folder: a random id created once in the folder, so that keychain entries of one
// data folder are never those of another, even for profiles with the same id (docs/card-api.md, sensitive data).
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const INSTALL_ID_FILE = 'install-id';
const INSTALL_ID = /^[0-9a-f]{32}$/;

/**
 * Reads the folder's install id, creating it on first use. It is written whole to a private file and then linked
 * into place, which fails if another process was first: every process of the folder reads the same complete id.
 */
export function readInstallId(dataDir: string): string {
  const file = join(dataDir, INSTALL_ID_FILE);
  if (!existsSync(file)) create(file);
  const id = readFileSync(file, 'utf8').trim();
  if (!INSTALL_ID.test(id)) {
    throw new Error(`${file} is not an install id (32 hexadecimal digits): restore it or remove it`);
  }
  return id;
}

function create(file: string): void {
  const draft = `${file}.${String(process.pid)}-${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, randomBytes(16).toString('hex'), { flag: 'wx', mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

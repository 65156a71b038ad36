// The process boundaries of docs/architecture.md as data, checked over the real import graph by
// test/unit/import-graph.test.ts (ESLint checks the same rules per file, this checks them over every edge).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** Importing file, relative to the repository root, with forward slashes. */
  from: string;
  /** Bare package name (`zod`, `node:fs`) or a repository path (`common/contract/index.ts`). */
  to: string;
  /** The named imports, for the raw-IPC rule. */
  names: string[];
}

export const ROOTS = ['main', 'common', 'preload', 'renderer/src'];
const ELECTRON_ONLY = ['electron', 'electron-store'];
const MAIN_ONLY = [...ELECTRON_ONLY, 'keytar', 'undici', 'conf'];
const RAW_IPC_FILES = ['main/shell/ipc.ts', 'preload/index.ts'];

const isRelative = (to: string) => /^[a-z]+\//.test(to) && to.includes('.');
const under = (path: string, ...folders: string[]) => folders.some((folder) => path.startsWith(`${folder}/`));
const isNodeBuiltin = (to: string) => to.startsWith('node:');

/** Every broken rule of one edge, as a sentence; empty when the edge is allowed. */
export function violations(edge: ImportEdge): string[] {
  const { from, to } = edge;
  const local = isRelative(to);
  const problems: string[] = [];
  const say = (rule: string) => problems.push(`${from} → ${to}: ${rule}`);

  if (under(from, 'common') && !(local ? under(to, 'common') : to === 'zod'))
    say('common/ imports only common/ and zod');
  if (under(from, 'renderer/src', 'preload') && local && under(to, 'main'))
    say('the renderer and the preload never import main/');
  if (under(from, 'renderer/src') && local && under(to, 'preload')) say('the renderer never imports the preload');
  if (under(from, 'preload') && local && !under(to, 'common', 'preload')) say('the preload imports only common/');
  if (under(from, 'renderer/src') && !local && (isNodeBuiltin(to) || MAIN_ONLY.includes(to)))
    say('the renderer has no Node and no main-only package');
  if (under(from, 'preload') && !local && to !== 'electron' && to !== 'zod')
    say('the preload imports only electron, zod and common/');
  if (under(from, 'main') && !under(from, 'main/shell') && !local && ELECTRON_ONLY.includes(to))
    say('only main/shell imports electron: core, sandbox, cli and preview run under plain Node');
  if (under(from, 'main/core', 'main/sandbox', 'main/cli', 'main/preview') && local && under(to, 'main/shell'))
    say('nothing below the shell imports it');
  if (under(from, 'main/core') && local && under(to, 'main/cli', 'main/preview', 'main/sandbox', 'main/shell'))
    say('main/core is the bottom layer of main/');
  if (!under(from, 'main') && local && under(to, 'main')) say('nothing outside main/ imports main/');
  const rawIpc = edge.names.filter((name) => name === 'ipcMain' || name === 'ipcRenderer');
  if (to === 'electron' && rawIpc.length > 0 && !RAW_IPC_FILES.includes(from))
    say(`raw ${rawIpc.join(', ')} only in ${RAW_IPC_FILES.join(' and ')}`);
  return problems;
}

function sourceFiles(root: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
    }
  };
  walk(join(root, folder));
  return out;
}

function namedImports(text: string, specifier: string): string[] {
  const pattern = new RegExp(`import\\s+(?:type\\s+)?\\{([^}]*)\\}\\s+from\\s+['"]${specifier}['"]`, 'g');
  return [...text.matchAll(pattern)].flatMap((m) =>
    (m[1] ?? '').split(',').map(
      (part) =>
        part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0] ?? '',
    ),
  );
}

/** Every import of every source file under the roots (static, type-only, re-exports and dynamic). */
export function importGraph(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const folder of ROOTS) {
    for (const file of sourceFiles(root, folder)) {
      const text = readFileSync(file, 'utf8');
      const from = relative(root, file).split('\\').join('/');
      for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
        const to = fileName.startsWith('.')
          ? relative(root, resolve(dirname(file), fileName))
              .split('\\')
              .join('/')
          : fileName;
        edges.push({ from, to, names: fileName.startsWith('.') ? [] : namedImports(text, fileName) });
      }
    }
  }
  return edges;
}

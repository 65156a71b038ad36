// The renderer's JavaScript as shipped, from the build manifest (vite's `build.manifest`): what the page reads
// before its first screen (the entry chunk and every chunk it imports statically, transitively), what the first
// section opened adds (its lazy chunk and that chunk's static imports not read already), and the total.
// Sizes are gzip level 9, as a server or an installer would compress them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface BundleSizes {
  /** The entry chunk and its static imports: read before anything renders. */
  initialKb: number;
  initialFiles: number;
  /** The first section's own chunks beyond the initial ones. */
  firstSectionKb: number;
  totalKb: number;
  totalFiles: number;
}

/** Keys of the manifest reached from `start` through static imports, `start` included. */
function staticClosure(manifest: Manifest, start: string, into = new Set<string>()): Set<string> {
  if (into.has(start)) return into;
  into.add(start);
  for (const next of manifest[start]?.imports ?? []) staticClosure(manifest, next, into);
  return into;
}

/**
 * Sizes of the renderer built into `dir` with a manifest. `firstSection` names the source file of the section the
 * page opens on (a path ending, e.g. `screens/clients/ClientsScreen.tsx`).
 */
export function bundleSizes(dir: string, firstSection: string): BundleSizes {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const gzKb = new Map<string, number>();
  const kb = (key: string): number => {
    const file = manifest[key]?.file ?? '';
    let size = gzKb.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(join(dir, file)), { level: 9 }).length / 1024;
      gzKb.set(file, size);
    }
    return size;
  };
  const js = (key: string) => manifest[key]?.file.endsWith('.js') === true;
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry === true);
  if (entry === undefined) throw new Error('the renderer build has no entry chunk');
  const initial = [...staticClosure(manifest, entry)].filter(js);
  const section = Object.keys(manifest).find((key) => key.endsWith(firstSection));
  if (section === undefined) throw new Error(`the renderer build has no chunk for ${firstSection}`);
  const sectionOnly = [...staticClosure(manifest, section)].filter((key) => js(key) && !initial.includes(key));
  const files = new Set(
    Object.keys(manifest)
      .filter(js)
      .map((key) => manifest[key]?.file),
  );
  const sum = (keys: string[]) => keys.reduce((total, key) => total + kb(key), 0);
  let totalKb = 0;
  for (const file of files) {
    const key = Object.keys(manifest).find((k) => manifest[k]?.file === file);
    if (key !== undefined) totalKb += kb(key);
  }
  return {
    initialKb: sum(initial),
    initialFiles: initial.length,
    firstSectionKb: sum(sectionOnly),
    totalKb,
    totalFiles: files.size,
  };
}

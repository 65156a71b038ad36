// The real preview (main/preview/cli.ts) started on a data folder, as `npm run preview` starts it, serving a
// renderer build: each link it prints opens the app once, and it prints another when one is used. The browser
// tests' sessions (test/e2e/support/preview-session.ts) and the scripts that drive Chromium through the app
// (screenshots, bench:ui's first screen) start it here.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(import.meta.dirname, '..', '..');
const LINK_LINE = /^Card Desk preview: (http:\/\/127\.0\.0\.1:\d+\/#code=[A-Za-z0-9_-]{43})$/;

export interface PreviewProcess {
  /** The next link printed, each handed out once; rejects once the preview has exited. */
  next: () => Promise<string>;
  /** Everything it printed so far, standard output then error (the browser tests' leak scan reads it). */
  output: () => string;
  /** Ends it (SIGTERM) and gives its exit code; undefined when it had already exited. */
  stop: () => Promise<number | null | undefined>;
}

export function startPreviewProcess(rendererDir: string, dataDir: string): PreviewProcess {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'main/preview/cli.ts'), '--port', '0', '--data-dir', dataDir, '--renderer-dir', rendererDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CARD_DESK_DATA_DIR: dataDir } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const links: string[] = [];
  const waiting: ((link: string) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const link = LINK_LINE.exec(line)?.[1];
    if (link === undefined) return;
    const waiter = waiting.shift();
    if (waiter === undefined) links.push(link);
    else waiter(link);
  });
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`the preview exited (${String(code)}): ${stderr}`));
    });
  });
  exited.catch(() => undefined); // also when it exits at our own stop
  return {
    next: () =>
      Promise.race([
        exited,
        new Promise<string>((resolve) => {
          const link = links.shift();
          if (link === undefined) waiting.push(resolve);
          else resolve(link);
        }),
      ]),
    output: () => `${stdout}\n${stderr}`,
    stop: async () => {
      if (child.exitCode !== null) return undefined;
      const gone = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      return gone;
    },
  };
}

// The browser preview: the built renderer and the same contract over loopback HTTP, for
// machines without an Electron runtime and for browser tests. Sandbox profiles only; each printed link opens it
// once (credentials.ts), and a new link is printed when one has been used.
//   npm run preview -- --port <n> [--data-dir <dir>]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AppInfo } from '../../common/contract/index.ts';
import { isDevelopmentBuild, openDesk } from '../cli/desk-context.ts';
import { cliChainKey } from '../cli/chain-key.ts';
import { importOldJournal } from '../cli/journal-import.ts';
import type { Desk } from '../core/desk.ts';
import { createLog } from '../core/log/logger.ts';
import { defaultDataDir, PRODUCT_NAME } from '../core/paths.ts';
import { forkJobProcess } from '../core/bulk/index.ts';
import { createServices, type Services } from '../core/services/index.ts';
import { ensureSandboxActive, sandboxEvents, sandboxOnly } from './sandbox-only.ts';
import { startPreviewServer } from './server.ts';

export interface PreviewOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The data folder; by default the app's own. */
  dataDir?: string;
  /** The built renderer; by default `dist/renderer` of this package. */
  rendererDir?: string;
  /** An already open desk (tests); by default openDesk(dataDir), which starts or joins the embedded sandbox. */
  desk?: Desk;
  /** Called when a link has been used (its code traded for a session token). */
  onLinkUsed?: () => void;
}

export interface Preview {
  readonly origin: string;
  readonly port: number;
  /** A new link, `http://127.0.0.1:<port>/#code=<one-time code>`, that opens the preview once. */
  newLink(): string;
  readonly services: Services;
  close(): Promise<void>;
}

/** The folder holding this package's package.json (sources run from main/preview, builds from dist/main/preview). */
export function packageRoot(from: string = import.meta.dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'card-desk')
      return dir;
    if (dirname(dir) === dir) throw new Error('the card-desk package folder was not found');
  }
}

export function defaultRendererDir(): string {
  return join(packageRoot(), 'dist', 'renderer');
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}

export class PreviewError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'PreviewError';
    this.code = code;
  }
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new PreviewError(
      'renderer_missing',
      `no built renderer in ${rendererDir}: build it first (npx vite build -c vite.renderer.config.ts)`,
    );
  }
  // Its vault sees only sandbox entries of this data folder, whatever a profile saved here claims to be.
  if (options.desk === undefined) await importOldJournal(options.dataDir ?? defaultDataDir());
  const chainKey = options.desk === undefined ? await cliChainKey(options.dataDir ?? defaultDataDir()) : undefined;
  const desk =
    options.desk ??
    openDesk(options.dataDir, {}, { sandboxSecretsOnly: true, ...(chainKey === undefined ? {} : { chainKey }) });
  for (const problem of desk.problems) process.stderr.write(`card-desk preview: warning: ${problem}\n`);
  const log = createLog(desk.dataDir);
  const report = (error: unknown) => {
    log.error('preview: unexpected error', error);
  };
  const appInfo: AppInfo = {
    name: PRODUCT_NAME,
    version: packageVersion(),
    platform: process.platform,
    development: isDevelopmentBuild(),
    electron: null,
    transport: 'preview',
  };
  // Jobs of production and test profiles left in this data folder are the desktop app's to resume and purge.
  const sandboxIds = new Set(
    desk
      .storedProfiles()
      .filter((p) => p.environment === 'sandbox')
      .map((p) => p.id),
  );
  // Bulk jobs run in a child process of their own, off this one's event loop (docs/bulk.md, the job process).
  const services = createServices({
    desk,
    appInfo,
    report,
    jobsOf: (id) => sandboxIds.has(id),
    bulkProcess: forkJobProcess(),
  });
  try {
    if (ensureSandboxActive(desk)) {
      process.stderr.write(
        'card-desk preview: the active profile is not a sandbox profile; the preview uses Sandbox\n',
      );
    }
    const server = await startPreviewServer({
      port: options.port ?? 0,
      rendererDir,
      dispatch: sandboxOnly(desk, services.dispatch),
      events: sandboxEvents(desk, services.events),
      report,
      ...(options.onLinkUsed !== undefined ? { onLinkUsed: options.onLinkUsed } : {}),
    });
    let closing: Promise<void> | undefined;
    return {
      origin: server.origin,
      port: server.port,
      newLink: () => server.newLink(),
      services,
      close: () =>
        (closing ??= (async () => {
          await server.close();
          await services.close();
        })()),
    };
  } catch (error) {
    await services.close();
    throw error;
  }
}

const USAGE = 'usage: npm run preview -- [--port <n>] [--data-dir <dir>] [--renderer-dir <built renderer>]\n';

/**
 * The command line: starts the preview, prints a link on one line (and a new one on a line of its own each time
 * the last one has been used, so the newest line always opens it), and runs until SIGINT or SIGTERM.
 */
export async function previewMain(argv: string[]): Promise<number> {
  let port = 0;
  let dataDir: string | undefined;
  let rendererDir: string | undefined;
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'renderer-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help === true) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (values.port !== undefined) {
      if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65_535) throw new Error('--port is 0 to 65535');
      port = Number(values.port);
    }
    dataDir = values['data-dir'];
    rendererDir = values['renderer-dir'];
  } catch (error) {
    process.stderr.write(`card-desk preview: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }

  let preview: Preview | undefined;
  const printLink = () => {
    if (preview !== undefined) process.stdout.write(`Card Desk preview: ${preview.newLink()}\n`);
  };
  try {
    preview = await startPreview({
      port,
      onLinkUsed: printLink,
      ...(dataDir !== undefined ? { dataDir } : {}),
      ...(rendererDir !== undefined ? { rendererDir } : {}),
    });
  } catch (error) {
    process.stderr.write(`card-desk preview: ${(error as Error).message.split('\n')[0] ?? ''}\n`);
    return (error as { code?: unknown }).code === 'renderer_missing' ? 2 : 5;
  }
  printLink();
  const started = preview;

  return new Promise<number>((resolveExit) => {
    let signalled = false;
    const stop = () => {
      if (signalled) {
        process.exit(130); // a second signal while closing: stop now
      }
      signalled = true;
      started.close().then(
        () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolveExit(0);
        },
        (error: unknown) => {
          process.stderr.write(`card-desk preview: ${(error as Error).message}\n`);
          resolveExit(5);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

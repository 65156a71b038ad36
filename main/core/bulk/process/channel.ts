// How the host starts a bulk job process and talks to it (docs/bulk.md, the job process). Core knows only this
// interface: the preview and the CLI fork a Node child (forkJobProcess below); the desktop shell gives an
// Electron utility process (main/shell/bulk-process.ts). Both run the same entry, child-main.ts.
import { fork } from 'node:child_process';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, HostMessage } from './messages.ts';

export interface JobProcess {
  readonly pid: number | undefined;
  send(message: HostMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Once, when the process has ended: its exit code, or the signal that ended it. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}

export type JobProcessLauncher = () => JobProcess;

/** The job process's entry, next to this module: .ts when run from source, .js when built. */
export const JOB_PROCESS_ENTRY = fileURLToPath(
  new URL(`./child-main${extname(fileURLToPath(import.meta.url))}`, import.meta.url),
);

/**
 * V8 flags of the job process: a young generation capped at 8 MB per semi-space (V8 otherwise grows it to 64 MB
 * per semi-space on a machine with much memory, and a long job's resident memory follows it). Not
 * `--optimize-for-size`: on 10,000 rows (`npm run bench:bulk`) it saved 11 MB of peak memory (124 against 135 MB)
 * but cost a quarter more CPU per call (586 against 470 µs).
 * Electron's main process cannot take these flags; a utility process can (docs/bulk.md, the job process).
 */
export const JOB_V8_FLAGS: readonly string[] = ['--max-semi-space-size=8'];

/**
 * The job process's environment: the host's (it holds no secret), with glibc's malloc kept to two arenas. The
 * journal's SQLite, libuv's and V8's threads otherwise each grow an arena of their own, and resident memory with
 * them (docs/bulk.md, the job process).
 */
export function jobProcessEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined) out[name] = value;
  return { ...out, MALLOC_ARENA_MAX: '2' };
}

/**
 * A Node child process on the same Node binary, IPC with structured clone (the secret goes as bytes).
 * `execArgv`: more flags for the child (a benchmark's profiler); never a secret.
 */
export function forkJobProcess(options: { entry?: string; execArgv?: readonly string[] } = {}): JobProcessLauncher {
  const { entry = JOB_PROCESS_ENTRY, execArgv = [] } = options;
  return () => {
    const child = fork(entry, [], {
      execArgv: [...JOB_V8_FLAGS, ...execArgv],
      serialization: 'advanced',
      env: jobProcessEnv(),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const exited: ((code: number | null, signal: string | null) => void)[] = [];
    let ended = false;
    const end = (code: number | null, signal: string | null): void => {
      if (ended) return;
      ended = true;
      for (const listener of exited) listener(code, signal);
    };
    child.once('exit', end);
    // A process that could not start may never tell its exit.
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (child.pid === undefined) end(null, error.code ?? 'spawn failed');
    });
    return {
      pid: child.pid,
      send: (message) => {
        // A process that is ending refuses the message: its exit tells the host what became of the job.
        if (child.connected) child.send(message, () => undefined);
      },
      onMessage: (listener) => {
        child.on('message', listener);
      },
      onExit: (listener) => {
        exited.push(listener);
      },
      kill: () => {
        child.kill('SIGKILL');
      },
    };
  };
}

export type { ChildMessage, HostMessage };

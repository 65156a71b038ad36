// Bulk jobs in an Electron utility process (docs/bulk.md, the job process): the desktop app's JobProcessLauncher.
// Thin on purpose: the job process's code (core/bulk/process/child-main.ts) is the one the preview and the CLI
// fork under plain Node, and is tested there. A utility process, unlike the main process, takes V8 flags.
import { utilityProcess } from 'electron';
import { JOB_PROCESS_ENTRY, JOB_V8_FLAGS, jobProcessEnv, type JobProcessLauncher } from '../core/bulk/index.ts';

export function utilityJobProcess(entry: string = JOB_PROCESS_ENTRY): JobProcessLauncher {
  return () => {
    const child = utilityProcess.fork(entry, [], {
      serviceName: 'Card Desk bulk job',
      execArgv: [...JOB_V8_FLAGS],
      env: jobProcessEnv(),
      stdio: 'inherit',
    });
    return {
      get pid() {
        return child.pid;
      },
      // Messages posted before the process has spawned are queued by Electron; one posted to a process that is
      // ending is dropped: its exit tells the host what became of the job.
      send: (message) => {
        try {
          child.postMessage(message);
        } catch {
          // ending
        }
      },
      onMessage: (listener) => {
        child.on('message', listener);
      },
      // Electron tells an exit code only; a killed process has no signal here.
      onExit: (listener) => {
        child.once('exit', (code) => {
          listener(code, null);
        });
      },
      kill: () => {
        child.kill();
      },
    };
  };
}

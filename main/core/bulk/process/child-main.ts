// The bulk job process (docs/bulk.md, the job process): a Node child of the preview or the CLI, or an Electron
// utility process of the app. It waits for `start` on its IPC channel, runs that one job over the data folder's
// own journal and job store, tells progress and journal changes to the host, and ends when the job stops.
import { DeskError } from '../../errors.ts';
import type { ChildMessage } from './messages.ts';
import { isHostMessage } from './messages.ts';
import { runJob, type RunningJob } from './child-job.ts';

interface Port {
  send(message: ChildMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  onDisconnect(listener: () => void): void;
}

/** Electron's utility process has `process.parentPort`; a Node child has `process.send`. */
function parentPort(): Port {
  const electron = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (electron !== undefined) {
    return {
      send: (message) => {
        electron.postMessage(message);
      },
      onMessage: (listener) => {
        electron.on('message', (event) => {
          listener(event.data);
        });
      },
      onDisconnect: () => undefined, // a utility process ends with the app
    };
  }
  const send = process.send?.bind(process);
  if (send === undefined) {
    process.stderr.write('card-desk bulk job: no IPC channel; this process is started by Card Desk only\n');
    process.exit(2);
  }
  return {
    send: (message) => {
      if (process.connected) send(message);
    },
    onMessage: (listener) => {
      process.on('message', listener);
    },
    onDisconnect: (listener) => {
      process.once('disconnect', listener);
    },
  };
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function usage() {
  const cpu = process.cpuUsage();
  return {
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    cpuMs: (cpu.user + cpu.system) / 1000,
    systemMs: cpu.system / 1000,
  };
}

const port = parentPort();
let job: RunningJob | undefined;
// Ctrl+C reaches the whole process group: the host decides (it pauses the job), not this process.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => {
  void job?.stop();
});
// The host is gone (killed, crashed): this process goes with it, as if killed too. The journal makes that
// safe, and giving the lock up and ending at once frees the job for the next run at once.
port.onDisconnect(() => {
  job?.release();
  process.exit(1);
});
port.onMessage((message) => {
  if (!isHostMessage(message)) return;
  if (message.type !== 'start') {
    if (message.type === 'pause') job?.pause();
    else if (message.type === 'cancel') job?.cancel();
    else void job?.stop();
    return;
  }
  if (job !== undefined) return;
  job = runJob(message, (m) => {
    port.send(m);
  });
  job.done
    .then((meta) => {
      port.send({ type: 'done', meta, usage: usage() });
    })
    .catch((error: unknown) => {
      const code = error instanceof DeskError ? error.code : 'internal_error';
      const text = error instanceof Error ? error.message : String(error);
      port.send({ type: 'failed', code, message: text, usage: usage() });
    })
    .finally(() => {
      // Let the last message go out, then end (a Node child's channel would keep it alive).
      setImmediate(() => process.exit(0));
    });
});

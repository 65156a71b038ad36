// Keeps the write-ahead log short without stalling the event loop (docs/architecture.md, "The journal"). The
// journal's connection never checkpoints itself (`wal_autocheckpoint = 0`); after every CHECKPOINT_EVERY commits
// this asks a worker thread with its own connection to checkpoint. Starting a thread costs the event loop a few
// milliseconds, so it starts early (after START_AFTER commits), not in the middle of a burst of writes; journals
// that write less (tools, tests) never start one, and SQLite checkpoints what is left at the last close.
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export const CHECKPOINT_EVERY = 500;
const START_AFTER = 50;
/** While the checkpoint is behind a busy writer, it is asked again this soon. */
const BEHIND_EVERY = 50;
const WORKER = new URL(`./checkpoint-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

export class Checkpointer {
  private worker: Worker | undefined;
  private commits = 0;
  private busy = false;
  private every = CHECKPOINT_EVERY;
  private readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  committed(): void {
    this.commits++;
    const worker = this.worker ?? (this.commits >= START_AFTER ? this.start() : undefined);
    if (worker === undefined || this.commits < this.every || this.busy) return;
    this.commits = 0;
    this.busy = true;
    worker.postMessage('checkpoint');
  }

  close(): void {
    this.worker?.postMessage('close');
    this.worker = undefined;
  }

  private start(): Worker {
    if (this.worker !== undefined) return this.worker;
    const worker = new Worker(WORKER, { workerData: { path: this.path } });
    worker.unref(); // never keeps a process alive
    worker.on('message', (reply: string) => {
      this.busy = false;
      this.every = reply === 'behind' ? BEHIND_EVERY : CHECKPOINT_EVERY;
    });
    worker.on('error', () => {
      // A failed checkpoint loses nothing (the log stays); SQLite checkpoints at the last close.
      this.busy = false;
      this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }
}

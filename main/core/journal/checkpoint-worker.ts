// The journal's checkpoints, on a thread of their own (checkpointer.ts): copying the write-ahead log into the
// database syncs both files, which would stall the event loop of whoever commits.
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

const { path } = workerData as { path: string };
const db = new DatabaseSync(path, { timeout: 10_000 });
db.exec('PRAGMA wal_autocheckpoint = 0');
parentPort?.on('message', (message: string) => {
  if (message === 'checkpoint') {
    const result = db.prepare('PRAGMA wal_checkpoint(PASSIVE)').get() as { log: number; checkpointed: number };
    // Behind a writer that kept appending: the journal asks again after its next commits.
    parentPort?.postMessage(result.checkpointed < result.log ? 'behind' : 'checkpointed');
  } else if (message === 'close') {
    db.close();
    parentPort?.close();
  }
});

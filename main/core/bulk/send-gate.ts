// The bound on a job's requests at the bank (docs/bulk.md, running a job): at most `limit` exchanges at once, the
// others waiting in arrival order. A slot freed while someone waits passes straight to them, whose send starts at
// once. Cheaper per call than p-limit, which runs a few more promises and microtasks for each exchange.
import type { SendGate } from '../card-api/client.ts';

/** Resolves in the check phase, after the immediates already queued: undici's write of a waiting request. */
const afterQueuedWrites = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function sendGate(limit: number): SendGate {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    const next = waiting.shift();
    if (next === undefined) active -= 1;
    else next(); // the slot changes hands and the waiting send starts at once: `active` stays
  };
  const run = async <T>(send: () => Promise<T>): Promise<T> => {
    try {
      return await send();
    } finally {
      release();
      // The next request leaves in the check phase (undici first lets a reused keep-alive connection show
      // anything the bank sent unasked); the caller's journaling of this answer waits until after it.
      await afterQueuedWrites();
    }
  };
  return <T>(send: () => Promise<T>): Promise<T> => {
    if (active < limit) {
      active += 1;
      return run(send);
    }
    return new Promise<T>((resolve, reject) => waiting.push(() => void run(send).then(resolve, reject)));
  };
}

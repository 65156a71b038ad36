// The bound on a job's requests at the bank (docs/bulk.md, running a job): at most `limit` exchanges at once, the
// others waiting in arrival order. A slot freed while someone waits passes straight to them. Cheaper per call
// than p-limit, which runs a few more promises and microtasks for each exchange.
import type { SendGate } from '../card-api/client.ts';

export function sendGate(limit: number): SendGate {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    const next = waiting.shift();
    if (next === undefined) active -= 1;
    else next(); // the slot changes hands: `active` stays
  };
  return async <T>(send: () => Promise<T>): Promise<T> => {
    if (active < limit) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await send();
    } finally {
      release();
    }
  };
}

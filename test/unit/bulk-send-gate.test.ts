// A bulk job bounds its requests at the bank with a send gate (docs/bulk.md, running a job).
import { describe, expect, it } from 'vitest';
import { sendGate } from '../../main/core/bulk/send-gate.ts';

/** A send that stays open until the test ends it. */
function pending(): { send: () => Promise<string>; end: (ok: boolean) => void; started: () => boolean } {
  let started = false;
  let settle: ((ok: boolean) => void) | undefined;
  return {
    send: () =>
      new Promise<string>((resolve, reject) => {
        started = true;
        settle = (ok) => {
          if (ok) resolve('answered');
          else reject(new Error('lost'));
        };
      }),
    end: (ok) => settle?.(ok),
    started: () => started,
  };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('the send gate of a bulk job', () => {
  it('lets at most `limit` exchanges run at once, the others in arrival order', async () => {
    const gate = sendGate(2);
    const sends = [pending(), pending(), pending(), pending()];
    const results = sends.map((s) =>
      gate(s.send).then(
        () => 'answered',
        () => 'failed',
      ),
    );
    await turn();
    expect(sends.map((s) => s.started())).toEqual([true, true, false, false]);
    sends[1]?.end(true);
    await turn();
    expect(sends.map((s) => s.started())).toEqual([true, true, true, false]);
    sends[0]?.end(false); // a failed exchange frees its slot too
    await turn();
    expect(sends[3]?.started()).toBe(true);
    sends[2]?.end(true);
    sends[3]?.end(true);
    expect(await Promise.all(results)).toEqual(['failed', 'answered', 'answered', 'answered']);
  });

  it('hands an answer back only after the next request, written in the check phase as undici does, has left', async () => {
    const gate = sendGate(1);
    const first = pending();
    const order: string[] = [];
    const answered = gate(first.send).then(() => order.push('first answered'));
    const written = (resolve: () => void): void => {
      order.push('next written');
      resolve();
    };
    const next = gate(() => new Promise<void>((resolve) => setImmediate(written, resolve)));
    await turn();
    first.end(true);
    await Promise.all([answered, next]);
    expect(order).toEqual(['next written', 'first answered']);
  });

  it('frees the slot of a send that throws before it returns a promise', async () => {
    const gate = sendGate(1);
    await expect(
      gate(() => {
        throw new Error('refused at once');
      }),
    ).rejects.toThrow('refused at once');
    await expect(gate(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});

// Card writes in flight (renderer/src/api/in-flight.ts): a write whose dialog was closed keeps its outcome for the
// frame until dismissed; a write whose dialog stayed open leaves its outcome to the dialog.
import { afterEach, describe, expect, it } from 'vitest';
import type { OperationOutcome } from '../../../common/contract/index.ts';
import {
  cardTurn,
  detachCardWrites,
  dismissSettled,
  inFlightNow,
  resetInFlight,
  trackCardWrite,
} from '../../../renderer/src/api/in-flight.ts';

function deferred(): { promise: Promise<OperationOutcome>; resolve: (o: OperationOutcome) => void } {
  let resolve: (o: OperationOutcome) => void = () => undefined;
  const promise = new Promise<OperationOutcome>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const done = { kind: 'done', key: 'k1', result: {} } as unknown as OperationOutcome;

afterEach(() => {
  resetInFlight();
});

describe('card writes in flight', () => {
  it('keeps the outcome of a detached write for the frame, until dismissed', async () => {
    const call = deferred();
    const tracked = trackCardWrite('card_1', 'block', call.promise);
    expect(inFlightNow().running).toEqual([expect.objectContaining({ cardId: 'card_1', detached: false })]);
    detachCardWrites('card_1');
    expect(cardTurn('card_1')).toBe(1);
    call.resolve(done);
    expect(await tracked).toBe(done);
    const { running, settled } = inFlightNow();
    expect(running).toEqual([]);
    expect(settled).toEqual([expect.objectContaining({ cardId: 'card_1', action: 'block', outcome: done })]);
    dismissSettled(settled[0]?.id ?? -1);
    expect(inFlightNow().settled).toEqual([]);
  });

  it('leaves the outcome of a write whose dialog stayed open to the dialog', async () => {
    const call = deferred();
    const tracked = trackCardWrite('card_2', 'unblock', call.promise);
    call.resolve(done);
    await tracked;
    expect(inFlightNow()).toMatchObject({ running: [], settled: [] });
    // Nothing runs: closing an idle dialog starts no new turn.
    detachCardWrites('card_2');
    expect(cardTurn('card_2')).toBe(0);
  });
});

// The idle lock under an unattended workstation: the UI keeps querying main in the background (the frame's
// connection check every minute, lists refreshed on events), nobody touches the keys. Those calls must not
// keep the session awake; only the operator's input (reported as session.activity) does.
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../common/contract/index.ts';
import type { Handlers } from '../../../main/core/services/handlers.ts';
import { createDispatcher } from '../../../main/core/services/dispatch.ts';
import { hashPin } from '../../../main/core/session/pin-hash.ts';
import { LEGACY_OPERATOR_ID } from '../../../main/core/operators/provide.ts';
import { attack } from '../../support/attack.ts';
import { sessionHarness } from '../../support/session-harness.ts';

const IDLE_MINUTES = 2;

async function unattended() {
  const { session, advance } = sessionHarness(await hashPin('482915'), IDLE_MINUTES);
  await session.signIn(LEGACY_OPERATOR_ID, '482915');
  // Every handler answers at once: what is under test is what the dispatcher does around it.
  const handlers = Object.fromEntries(
    METHOD_NAMES.map((name) => [
      name,
      name === 'session.activity'
        ? () => {
            session.activity();
            return Promise.resolve(undefined);
          }
        : () => Promise.resolve(undefined),
    ]),
  ) as unknown as Handlers;
  const dispatch = createDispatcher(handlers, session, () => undefined);
  return { session, dispatch, advance };
}

describe('the idle lock', () => {
  it('comes at the configured minute while the UI keeps querying in the background', () =>
    attack('background queries keep an unattended session unlocked', async () => {
      const { session, dispatch, advance } = await unattended();
      for (let second = 0; second < IDLE_MINUTES * 60; second += 10) {
        await dispatch('vault.testConnection', { profileId: 'sandbox' });
        await dispatch('requests.list', {});
        await dispatch('settings.get', {});
        advance(10_000);
      }
      expect(session.locked).toBe(true);
    }));

  it('stays open while the operator works (input reported as session.activity)', async () => {
    const { session, dispatch, advance } = await unattended();
    for (let second = 0; second < IDLE_MINUTES * 60 * 3; second += 20) {
      await dispatch('session.activity', {});
      advance(20_000);
    }
    expect(session.locked).toBe(false);
  });
});

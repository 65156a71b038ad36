// A workstation whose managed policy provides its operators: no first start, the policy's accounts sign in with
// the PIN whose hash the policy holds, its dual control choice reaches the session, and no hash reaches the
// renderer's side of the contract.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../main/core/services/index.ts';
import { hashPin } from '../../main/core/session/pin-hash.ts';
import { openTestDesk, TEST_APP_INFO } from '../support/test-desk.ts';
import { tempDir } from '../support/temp-dir.ts';

let services: Services;

beforeAll(async () => {
  const policyFile = join(tempDir('card-desk-managed-'), 'policy.json');
  const operators = [{ id: 'it', name: 'IT', roles: ['administrator'], pinHash: await hashPin('60718293') }];
  writeFileSync(policyFile, JSON.stringify({ version: 1, policy: { operators, dualControl: ['cards.close'] } }));
  services = createServices({
    desk: openTestDesk({ managedPolicyFile: policyFile }),
    appInfo: TEST_APP_INFO,
    report: () => undefined,
  });
});
afterAll(async () => {
  await services.close();
});

const call = (method: string, args: unknown = {}) => services.dispatch(method, args);

describe('operators provided by the managed policy', () => {
  it('sign in with the policy’s PIN; there is no first start; no hash reaches the contract', async () => {
    expect(await call('session.state')).toMatchObject({
      ok: true,
      value: { firstStart: false, locked: true, dualControl: ['cards.close'] },
    });
    expect(await call('session.createFirstOperator', { operatorId: 'me', name: 'Me', secret: '1234' })).toMatchObject({
      ok: false,
      error: { code: 'first_start_done' },
    });
    expect(await call('session.signIn', { operatorId: 'it', secret: '60718293' })).toMatchObject({
      ok: true,
      value: { operator: { id: 'it', roles: ['administrator'] } },
    });
    const list = await call('operators.list');
    expect(list).toMatchObject({ ok: true, value: [{ id: 'it', source: 'managed', enabled: true }] });
    for (const reply of [list, await call('settings.get'), await call('session.state')]) {
      expect(JSON.stringify(reply)).not.toMatch(/scrypt|pinHash/);
    }
  });
});

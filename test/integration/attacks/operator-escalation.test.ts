// Attack: a policy grants the `operators` right to supervisors. A supervisor then tries to gain rights they
// lack through the accounts they manage: adding an administrator, resetting an administrator's secret, enabling
// a disabled administrator, each to sign in as it afterwards. Main refuses each; accounts within the
// supervisor's own rights are still theirs to manage (docs/architecture.md, operators and roles).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/core/services/index.ts';
import { hashPin } from '../../../main/core/session/pin-hash.ts';
import { attack } from '../../support/attack.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { openTestDesk, TEST_APP_INFO } from '../../support/test-desk.ts';

const IT = { id: 'it', secret: '60718293' };
const IT2 = { id: 'it2', secret: '60718294' };
const BOSS = { id: 'boss', secret: '71829304' };
let services: Services;

const code = async (method: string, args: unknown = {}) => {
  const reply = await services.dispatch(method, args);
  return reply.ok ? 'ok' : reply.error.code;
};
const signInAs = async (who: { id: string; secret: string }) => {
  await services.dispatch('session.signOut', {});
  expect(await code('session.signIn', { operatorId: who.id, secret: who.secret })).toBe('ok');
};

beforeAll(async () => {
  const policyFile = join(tempDir('card-desk-escalation-'), 'policy.json');
  const operators = [
    {
      id: IT.id,
      name: 'IT',
      roles: ['teller', 'supervisor', 'administrator', 'auditor'],
      pinHash: await hashPin(IT.secret),
    },
    { id: IT2.id, name: 'IT 2', roles: ['administrator'], pinHash: await hashPin(IT2.secret) },
    { id: BOSS.id, name: 'Boss', roles: ['supervisor'], pinHash: await hashPin(BOSS.secret) },
  ];
  const policy = { operators, dualControl: [], roles: { supervisor: { grant: ['operators'] } } };
  writeFileSync(policyFile, JSON.stringify({ version: 1, policy }));
  services = createServices({
    desk: openTestDesk({ managedPolicyFile: policyFile }),
    appInfo: TEST_APP_INFO,
    report: () => undefined,
  });
  await signInAs(IT);
  expect(await code('operators.disable', { operatorId: IT2.id })).toBe('ok');
});
afterAll(async () => {
  await services.close();
});

describe('an operator managing accounts with more rights than their own', () => {
  it('cannot add, reset or enable an administrator', () =>
    attack('supervisor with the operators right makes themself an administrator', async () => {
      await signInAs(BOSS);
      const admin = { operatorId: 'mallory', name: 'M', roles: ['administrator'], secret: '13572468' };
      expect(await code('operators.add', admin)).toBe('operator_rights_exceed_yours');
      expect(await code('operators.add', { ...admin, operatorId: 'peer', roles: ['supervisor', 'auditor'] })).toBe(
        'ok',
      );
      expect(await code('operators.resetSecret', { operatorId: IT.id, secret: '13572468' })).toBe(
        'operator_rights_exceed_yours',
      );
      expect(await code('operators.enable', { operatorId: IT2.id })).toBe('operator_rights_exceed_yours');
      await services.dispatch('session.signOut', {});
      expect(await code('session.signIn', { operatorId: IT.id, secret: '13572468' })).not.toBe('ok');
      expect(await code('session.signIn', { operatorId: IT2.id, secret: IT2.secret })).toBe('operator_disabled');
      expect(await code('session.signIn', { operatorId: 'mallory', secret: '13572468' })).not.toBe('ok');
    }));

  it('leaves administrators, whose role is to make accounts, free to make a teller', async () => {
    await signInAs(IT);
    expect(await code('operators.enable', { operatorId: IT2.id })).toBe('ok');
    await signInAs(IT2);
    const teller = { operatorId: 'teller-2', name: 'T2', roles: ['teller'], secret: '24681359' };
    expect(await code('operators.add', teller)).toBe('ok');
    await signInAs(IT);
    expect(await code('operators.disable', { operatorId: IT2.id })).toBe('ok');
  });

  it('may still manage accounts within their own rights', async () => {
    await signInAs(BOSS);
    const teller = { operatorId: 'teller-1', name: 'T', roles: ['teller'], secret: '24681357' };
    expect(await code('operators.add', teller)).toBe('ok');
    expect(await code('operators.resetSecret', { operatorId: 'teller-1', secret: '24681358' })).toBe('ok');
    expect(await code('operators.disable', { operatorId: 'teller-1' })).toBe('ok');
    expect(await code('operators.enable', { operatorId: 'teller-1' })).toBe('ok');
  });
});

// Attacks on operator accounts through the contract, as an operator at the workstation (or a script against the
// bridge) would try them: bringing accounts in with their own provisioning file, locking the administrators out,
// taking over a locked colleague's session, and starting over as a "first" administrator.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/core/services/index.ts';
import { hashPin } from '../../../main/core/session/pin-hash.ts';
import { attack } from '../../support/attack.ts';
import { signInAdmin, TEST_ADMIN } from '../../support/sign-in.ts';
import { openTestDesk, TEST_APP_INFO } from '../../support/test-desk.ts';

let services: Services;

beforeEach(async () => {
  services = createServices({ desk: openTestDesk(), appInfo: TEST_APP_INFO, report: () => undefined });
  await signInAdmin(services);
});
afterEach(async () => {
  await services.close();
});

const code = async (method: string, args: unknown = {}) => {
  const reply = await services.dispatch(method, args);
  return reply.ok ? 'ok' : reply.error.code;
};
const ids = async () => {
  const reply = await services.dispatch('operators.list', {});
  return reply.ok ? (reply.value as { id: string }[]).map((o) => o.id) : [];
};

describe('operator accounts under attack', () => {
  it('an operator’s own provisioning file cannot bring operators in', () =>
    attack('adding operator accounts through the operator’s provisioning import', async () => {
      const pinHash = await hashPin('11112222');
      const content = JSON.stringify({
        version: 1,
        policy: { operators: [{ id: 'mallory', name: 'M', roles: ['administrator'], pinHash }] },
      });
      expect(await code('profiles.import', { fileName: 'mine.json', content })).not.toBe('ok');
      expect(await ids()).toEqual([TEST_ADMIN.operatorId]);
      expect(await code('session.signIn', { operatorId: 'mallory', secret: '11112222' })).not.toBe('ok');
    }));

  it('an administrator cannot disable themself, and a teller cannot disable anyone', () =>
    attack('locking every administrator out of the workstation', async () => {
      await services.dispatch('operators.add', {
        operatorId: 'teller',
        name: 'T',
        roles: ['teller'],
        secret: '24681357',
      });
      expect(await code('operators.disable', { operatorId: TEST_ADMIN.operatorId })).toBe('operator_self');
      await services.dispatch('operators.add', {
        operatorId: 'admin2',
        name: 'A2',
        // Every role: an operator enables only accounts within their own rights (operator-escalation.test.ts).
        roles: ['teller', 'supervisor', 'administrator', 'auditor'],
        secret: '97531864',
      });
      await services.dispatch('session.signOut', {});
      await services.dispatch('session.signIn', { operatorId: 'admin2', secret: '97531864' });
      expect(await code('operators.disable', { operatorId: TEST_ADMIN.operatorId })).toBe('ok');
      // Back to the first administrator, who disables admin2 and is then the only one left.
      await services.dispatch('operators.enable', { operatorId: TEST_ADMIN.operatorId });
      await services.dispatch('session.signOut', {});
      await services.dispatch('session.signIn', { operatorId: TEST_ADMIN.operatorId, secret: TEST_ADMIN.secret });
      expect(await code('operators.disable', { operatorId: 'admin2' })).toBe('ok');
      expect(await code('operators.disable', { operatorId: TEST_ADMIN.operatorId })).toBe('operator_self');
      await services.dispatch('session.signOut', {});
      await services.dispatch('session.signIn', { operatorId: 'teller', secret: '24681357' });
      expect(await code('operators.disable', { operatorId: TEST_ADMIN.operatorId })).toBe('permission_denied');
    }));

  it('a locked session is not taken over by another operator, and there is no second first start', () =>
    attack('taking over a locked session or starting the workstation over', async () => {
      await services.dispatch('operators.add', {
        operatorId: 'other',
        name: 'O',
        roles: ['teller'],
        secret: '13572468',
      });
      await services.dispatch('session.lock', {});
      expect(await code('session.signIn', { operatorId: 'other', secret: '13572468' })).toBe('session_locked');
      expect(await code('session.createFirstOperator', { operatorId: 'eve', name: 'Eve', secret: '12121212' })).toBe(
        'first_start_done',
      );
      expect(await code('operators.list')).toBe('session_locked');
      const state = await services.dispatch('session.state', {});
      expect(state).toMatchObject({ ok: true, value: { locked: true, operator: { id: TEST_ADMIN.operatorId } } });
    }));
});

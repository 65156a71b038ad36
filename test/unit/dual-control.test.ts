// Dual control in the dispatcher (main/core/services/access.ts): a method the policy chose needs a second
// operator's approval with their own credentials; the approver is not the maker and holds the method's right;
// the approval is checked before the handler and never handed to it; the handler runs as maker and approver.
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, type ApprovableMethod } from '../../common/contract/index.ts';
import { currentActor, type Actor } from '../../main/core/operators/actor.ts';
import { createDispatcher } from '../../main/core/services/dispatch.ts';
import type { Handlers } from '../../main/core/services/handlers.ts';
import { fakeAuth, type FakeOperator } from '../support/fake-auth.ts';

const OPERATORS: FakeOperator[] = [
  { id: 'sup-a', secret: '48291537', roles: ['supervisor'] },
  { id: 'sup-b', secret: '59302648', roles: ['supervisor'] },
  { id: 'teller', secret: '60413759', roles: ['teller'] },
  { id: 'admin', secret: '71524860', roles: ['administrator'] },
];
const CLOSE = { cardId: '300400', reason: 'client_request', note: '', confirm: true, balanceAcknowledged: true };

function harness(dualControl: readonly ApprovableMethod[] = ['cards.close', 'limits.set']) {
  const calls: { method: string; args: unknown; actor: Actor | undefined; later: Promise<Actor | undefined> }[] = [];
  const handlers = Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      (args: unknown) => {
        // Work a handler leaves running (a journal write after the answer) still knows who acted.
        const later = new Promise<Actor | undefined>((resolve) => {
          setTimeout(() => {
            resolve(currentActor());
          }, 1);
        });
        calls.push({ method, args, actor: currentActor(), later });
        return Promise.resolve('ran');
      },
    ]),
  ) as unknown as Handlers;
  const auth = fakeAuth({ operators: OPERATORS, signedIn: 'sup-a', dualControl });
  const dispatch = createDispatcher(handlers, auth, (error) => {
    throw error;
  });
  const code = async (method: string, args: unknown) => {
    const reply = await dispatch(method, args);
    return reply.ok ? 'ran' : reply.error.code;
  };
  return { auth, dispatch, calls, code };
}

describe('dual control', () => {
  it('refuses a chosen action without an approval', async () => {
    const { code, calls } = harness();
    expect(await code('cards.close', CLOSE)).toBe('approval_required');
    expect(calls).toEqual([]);
  });

  it('refuses the maker approving their own action, without counting it as a wrong secret', async () => {
    const { code, calls, auth } = harness();
    expect(await code('cards.close', { ...CLOSE, approval: { operatorId: 'sup-a', secret: '48291537' } })).toBe(
      'approver_is_maker',
    );
    expect(await code('cards.close', { ...CLOSE, approval: { operatorId: 'SUP-A', secret: '48291537' } })).toBe(
      'approver_is_maker',
    );
    expect(calls).toEqual([]);
    expect(auth.wrongAttempts.size).toBe(0);
  });

  it('refuses an approver whose role lacks the right, even with the right credentials', async () => {
    const { code, calls } = harness();
    expect(await code('cards.close', { ...CLOSE, approval: { operatorId: 'teller', secret: '60413759' } })).toBe(
      'approver_lacks_right',
    );
    expect(await code('cards.close', { ...CLOSE, approval: { operatorId: 'admin', secret: '71524860' } })).toBe(
      'approver_lacks_right',
    );
    expect(calls).toEqual([]);
  });

  it('refuses a wrong approver secret and counts it against the approver', async () => {
    const { code, calls, auth } = harness();
    expect(await code('cards.close', { ...CLOSE, approval: { operatorId: 'sup-b', secret: '00000000' } })).toBe(
      'operator_unknown_or_wrong_secret',
    );
    expect(await code('cards.close', { ...CLOSE, approval: { operatorId: 'nobody', secret: '00000000' } })).toBe(
      'operator_unknown_or_wrong_secret',
    );
    expect(calls).toEqual([]);
    expect(Object.fromEntries(auth.wrongAttempts)).toEqual({ 'sup-b': 1, nobody: 1 });
  });

  it('runs the handler as maker and approver, without the approval in its arguments', async () => {
    const { code, calls } = harness();
    expect(await code('cards.close', { ...CLOSE, approval: { operatorId: 'sup-b', secret: '59302648' } })).toBe('ran');
    const [call] = calls;
    expect(call?.args).toEqual(CLOSE);
    expect(call?.actor).toEqual({ operatorId: 'sup-a', approverId: 'sup-b' });
    expect(await call?.later).toEqual({ operatorId: 'sup-a', approverId: 'sup-b' });
  });

  it('drops an approval given where none is needed, and runs as the operator alone', async () => {
    const { code, calls } = harness(['limits.set']);
    expect(await code('cards.close', { ...CLOSE, approval: { operatorId: 'sup-b', secret: '00000000' } })).toBe('ran');
    expect(calls[0]?.args).toEqual(CLOSE);
    expect(calls[0]?.actor).toEqual({ operatorId: 'sup-a' });
  });

  it('checks the maker’s own right before any approval', async () => {
    const { code, auth, calls } = harness();
    auth.signIn('teller');
    expect(await code('cards.close', { ...CLOSE, approval: { operatorId: 'sup-b', secret: '59302648' } })).toBe(
      'permission_denied',
    );
    expect(calls).toEqual([]);
  });

  it('runs every other call as the signed-in operator', async () => {
    const { code, calls } = harness();
    expect(await code('cards.info', { cardId: '300400' })).toBe('ran');
    expect(calls[0]?.actor).toEqual({ operatorId: 'sup-a' });
    expect(await calls[0]?.later).toEqual({ operatorId: 'sup-a' });
  });
});

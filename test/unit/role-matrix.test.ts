// The role matrix, derived from the contract's metadata: every method × every role through the real dispatcher
// is either run or refused with permission_denied, exactly as the method's right and the role's rights say
// (docs/architecture.md, "Operators and roles"). A new method is in the matrix the moment it is in the
// contract, so it cannot forget its right; a right outside RIGHTS fails here too.
import { describe, expect, it } from 'vitest';
import {
  contract,
  DEFAULT_ROLE_RIGHTS,
  METHOD_NAMES,
  RIGHTS,
  ROLES,
  type MethodName,
  type Role,
  type RoleMatrixPolicy,
} from '../../common/contract/index.ts';
import { createDispatcher } from '../../main/core/services/dispatch.ts';
import type { Handlers } from '../../main/core/services/handlers.ts';
import { fakeAuth } from '../support/fake-auth.ts';
import { examplesFor, type FuzzIds } from '../verify/fuzz-args.ts';

const IDS: FuzzIds = {
  clientId: '100200',
  cardId: '300400',
  profileId: 'fuzz-local',
  operatorPin: '482915',
  kioskPin: '11112222',
};

/** Every handler answers which method ran, so an allowed call is told from a refused one. */
const handlers = Object.fromEntries(
  METHOD_NAMES.map((m) => [m, () => Promise.resolve(`ran ${m}`)]),
) as unknown as Handlers;

function dispatcherFor(roles: Role[], policy?: RoleMatrixPolicy) {
  const auth = fakeAuth({
    operators: [{ id: 'op', secret: '48291537', roles }],
    signedIn: 'op',
    ...(policy ? { policy } : {}),
  });
  return createDispatcher(handlers, auth, (error) => {
    throw error;
  });
}

/** What a call answered: 'allowed', 'permission_denied', or another code (a test bug). */
async function outcome(dispatch: ReturnType<typeof dispatcherFor>, method: MethodName): Promise<string> {
  const [args] = examplesFor(method, IDS);
  const reply = await dispatch(method, args);
  if (reply.ok) return reply.value === `ran ${method}` ? 'allowed' : 'wrong handler';
  return reply.error.code === 'permission_denied' && reply.error.details?.right !== contract[method].right
    ? 'denied naming another right'
    : reply.error.code;
}

function expected(roles: Role[], method: MethodName, granted: (role: Role) => readonly string[]): string {
  const { right } = contract[method];
  return right === 'open' || roles.some((r) => granted(r).includes(right)) ? 'allowed' : 'permission_denied';
}

describe('the role matrix', () => {
  it('names a known right for every method, and only sign-in methods need nobody', () => {
    for (const method of METHOD_NAMES) {
      const { right, whileLocked } = contract[method];
      expect(RIGHTS, method).toContain(right);
      if (right === 'open') expect(whileLocked, `${method} is open but not allowed while locked`).toBe(true);
    }
  });

  for (const role of ROLES) {
    it(`runs exactly what a ${role}'s rights allow, and refuses the rest with permission_denied`, async () => {
      const dispatch = dispatcherFor([role]);
      const seen: Record<string, string> = {};
      const want: Record<string, string> = {};
      for (const method of METHOD_NAMES) {
        seen[method] = await outcome(dispatch, method);
        want[method] = expected([role], method, (r) => DEFAULT_ROLE_RIGHTS[r]);
      }
      expect(seen).toEqual(want);
    });
  }

  it('lets an operator with several roles do what any of them may', async () => {
    const roles: Role[] = ['teller', 'auditor'];
    const dispatch = dispatcherFor(roles);
    for (const method of METHOD_NAMES) {
      expect(await outcome(dispatch, method), method).toBe(expected(roles, method, (r) => DEFAULT_ROLE_RIGHTS[r]));
    }
  });

  it('keeps card data reveal from tellers by default', async () => {
    const dispatch = dispatcherFor(['teller']);
    expect(await outcome(dispatch, 'cards.revealSecret')).toBe('permission_denied');
    expect(await outcome(dispatch, 'clipboard.copySecret')).toBe('permission_denied');
    expect(await outcome(dispatch, 'cards.close')).toBe('permission_denied');
  });

  it('follows the policy: rights granted to and revoked from a role', async () => {
    const policy: RoleMatrixPolicy = {
      teller: { grant: ['cards.reveal'], revoke: ['gift'] },
      supervisor: { revoke: ['bulk'] },
    };
    const granted = (role: Role): string[] => {
      const adjust = policy[role] ?? {};
      return [...DEFAULT_ROLE_RIGHTS[role], ...(adjust.grant ?? [])].filter(
        (r) => !(adjust.revoke ?? []).includes(r as never),
      );
    };
    for (const role of ['teller', 'supervisor'] as const) {
      const dispatch = dispatcherFor([role], policy);
      for (const method of METHOD_NAMES) {
        expect(await outcome(dispatch, method), `${role} ${method}`).toBe(expected([role], method, granted));
      }
    }
    expect(await outcome(dispatcherFor(['teller'], policy), 'cards.revealSecret')).toBe('allowed');
    expect(await outcome(dispatcherFor(['teller'], policy), 'gift.issue')).toBe('permission_denied');
    expect(await outcome(dispatcherFor(['supervisor'], policy), 'bulk.start')).toBe('permission_denied');
  });

  it('lets nobody signed in call only the open methods, and refuses the rest with not_signed_in', async () => {
    const dispatch = createDispatcher(handlers, fakeAuth({ signedIn: null }), () => undefined);
    for (const method of METHOD_NAMES) {
      const [args] = examplesFor(method, IDS);
      const reply = await dispatch(method, args);
      expect(reply.ok ? 'allowed' : reply.error.code, method).toBe(
        contract[method].right === 'open' ? 'allowed' : 'not_signed_in',
      );
    }
  });

  it('still answers session_locked for a locked session, before any right is looked at', async () => {
    const auth = fakeAuth({ operators: [{ id: 'op', secret: '48291537', roles: ['auditor'] }], signedIn: 'op' });
    auth.locked = true;
    const dispatch = createDispatcher(handlers, auth, () => undefined);
    const reply = await dispatch('cards.close', examplesFor('cards.close', IDS)[0]);
    expect(reply.ok ? 'allowed' : reply.error.code).toBe('session_locked');
  });
});

// Operator accounts and sign-in (docs/architecture.md, operators and roles). Every change to an account is
// audited naming the operator it changed (the record's actor column names who changed it); never a secret.
// Administrators manage every account (that is their role). Anyone else a policy gives the `operators` right adds,
// enables or resets only accounts within their own rights, so they cannot make themself an administrator.
import { auditStatusHandler } from './audit-status.ts';
import type { Handlers } from './handlers.ts';
import type { Role } from '../../../common/contract/rights.ts';
import type { Desk } from '../desk.ts';
import { DeskError } from '../errors.ts';
import type { Session } from '../session/session.ts';

type OperatorMethods =
  | 'operators.list'
  | 'operators.add'
  | 'operators.disable'
  | 'operators.enable'
  | 'operators.resetSecret'
  | 'session.createFirstOperator'
  | 'session.signIn'
  | 'session.signOut'
  | 'session.changeSecret'
  | 'settings.setLanguage'
  | 'audit.status';

export interface OperatorHandlerContext {
  desk: Desk;
  session: Session;
  /** Card data on screen goes away when an operator signs out. */
  secretShown?: ((shown: boolean) => void) | undefined;
}

export function operatorHandlers(ctx: OperatorHandlerContext): Pick<Handlers, OperatorMethods> {
  const { desk, session } = ctx;
  const accounts = desk.operators;
  const notSelf = (operatorId: string) => {
    if (session.operator()?.id === operatorId)
      throw new DeskError('operator_self', 'you cannot disable your own account');
  };
  const withinOwnRights = (roles: readonly Role[] | undefined) => {
    if (roles === undefined) return; // no such account: the accounts answer operator_not_found
    if (session.operator()?.roles.includes('administrator') === true) return;
    const own = session.rights();
    const beyond = [...session.rightsOfRoles(roles)].filter((right) => !own.has(right));
    if (beyond.length > 0)
      throw new DeskError('operator_rights_exceed_yours', 'this account would hold rights you do not have', {
        rights: beyond,
      });
  };
  const rolesOf = (operatorId: string) => accounts.get(operatorId)?.roles;
  return {
    'operators.list': () => Promise.resolve(accounts.list()),
    'operators.add': async ({ operatorId, name, roles, secret }) => {
      withinOwnRights(roles);
      const added = await accounts.add({ id: operatorId, name, roles, secret, source: 'workstation' });
      desk.audit('operator.add', { operatorId, roles: roles.join(',') });
      return added;
    },
    'operators.disable': ({ operatorId }) => {
      notSelf(operatorId);
      const view = accounts.disable(operatorId);
      desk.audit('operator.disable', { operatorId });
      return Promise.resolve(view);
    },
    'operators.enable': ({ operatorId }) => {
      withinOwnRights(rolesOf(operatorId));
      const view = accounts.enable(operatorId);
      desk.audit('operator.enable', { operatorId });
      return Promise.resolve(view);
    },
    'operators.resetSecret': async ({ operatorId, secret }) => {
      withinOwnRights(rolesOf(operatorId));
      const view = await accounts.resetSecret(operatorId, secret);
      desk.audit('operator.secret.reset', { operatorId });
      return view;
    },
    'session.createFirstOperator': async (first) => {
      await session.createFirstOperator(first);
      return session.state();
    },
    'session.signIn': async ({ operatorId, secret }) => {
      await session.signIn(operatorId, secret);
      return session.state();
    },
    'session.signOut': () => {
      session.signOut();
      ctx.secretShown?.(false);
      return Promise.resolve(session.state());
    },
    'session.changeSecret': async ({ currentSecret, newSecret }) => {
      await session.changeSecret(currentSecret, newSecret);
      return session.state();
    },
    'settings.setLanguage': ({ language }) => Promise.resolve(desk.updatePreferences({ language })),
    'audit.status': auditStatusHandler(desk, () => desk.chain.chainStatus()),
  };
}

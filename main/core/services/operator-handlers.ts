// Operator accounts and sign-in (docs/architecture.md, operators and roles). Every change to an account is
// audited naming the operator it changed (the record's actor column names who changed it); never a secret.
import { auditStatusHandler } from './audit-status.ts';
import type { Handlers } from './handlers.ts';
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
  return {
    'operators.list': () => Promise.resolve(accounts.list()),
    'operators.add': async ({ operatorId, name, roles, secret }) => {
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
      const view = accounts.enable(operatorId);
      desk.audit('operator.enable', { operatorId });
      return Promise.resolve(view);
    },
    'operators.resetSecret': async ({ operatorId, secret }) => {
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

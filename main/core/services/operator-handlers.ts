// Operator accounts and sign-in (docs/architecture.md, operators and roles): not yet wired to the session.
import type { Handlers } from './handlers.ts';
import { DeskError } from '../errors.ts';

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

const notYet = () => Promise.reject(new DeskError('not_available', 'this is not available yet'));

export function operatorHandlers(): Pick<Handlers, OperatorMethods> {
  return {
    'operators.list': notYet,
    'operators.add': notYet,
    'operators.disable': notYet,
    'operators.enable': notYet,
    'operators.resetSecret': notYet,
    'session.createFirstOperator': notYet,
    'session.signIn': notYet,
    'session.signOut': notYet,
    'session.changeSecret': notYet,
    'settings.setLanguage': notYet,
    'audit.status': notYet,
  };
}

// One entry for every transport: enforce the lock, parse the untrusted arguments, refuse what the signed-in
// operator may not do (access.ts), run the handler as its operator, and turn any failure into a typed error
// without stack or secret (docs/architecture.md, the contract). A call is not
// operator activity: screens query in the background, so only `session.activity` (sent on real input) keeps
// the session awake.
import { contract, type ContractError, type MethodName, type Reply } from '../../../common/contract/index.ts';
import { describeProblems, fieldProblems, ValidationError } from '../../../common/card-api/validation.ts';
import { runAs } from '../operators/actor.ts';
import { authorize, type DispatchAuth } from './access.ts';
import type { Handlers } from './handlers.ts';

export interface Dispatcher {
  (method: string, args: unknown): Promise<Reply<unknown>>;
}

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/** Whatever a handler threw, as the renderer may see it. Unexpected errors are reported, not shown. */
export function toContractError(error: unknown, report: (error: unknown) => void): ContractError {
  if (error instanceof ValidationError) {
    return { code: 'invalid_arguments', message: error.message, details: { problems: error.problems } };
  }
  const { code, message, details } = error as { code?: unknown; message?: unknown; details?: unknown };
  if (
    error instanceof Error &&
    typeof code === 'string' &&
    /^[a-z][a-z0-9_]*$/.test(code) &&
    typeof message === 'string'
  ) {
    return { code, message, ...(isRecord(details) ? { details } : {}) };
  }
  report(error);
  return { code: 'internal_error', message: 'something went wrong in Card Desk; the details were written to its log' };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type { DispatchAuth } from './access.ts';

export function createDispatcher(handlers: Handlers, auth: DispatchAuth, report: (error: unknown) => void): Dispatcher {
  return async (method, args) => {
    if (!isMethodName(method)) return { ok: false, error: { code: 'unknown_method', message: `no method ${method}` } };
    const spec = contract[method];
    if (auth.locked && !spec.whileLocked) {
      const error =
        auth.operator() === null
          ? { code: 'not_signed_in', message: 'sign in to continue' }
          : { code: 'session_locked', message: 'Card Desk is locked: unlock it to continue' };
      return { ok: false, error };
    }
    const parsed = spec.args.safeParse(args ?? {});
    if (!parsed.success) {
      const problems = fieldProblems(parsed.error);
      return {
        ok: false,
        error: { code: 'invalid_arguments', message: describeProblems(problems), details: { problems } },
      };
    }
    try {
      const { actor, args: allowed } = await authorize(auth, method, parsed.data);
      const handler = handlers[method] as (a: unknown) => Promise<unknown>;
      // Everything the handler does, and everything it leaves running, is done as this actor.
      const value = await (actor === undefined ? handler(allowed) : runAs(actor, () => handler(allowed)));
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toContractError(error, report) };
    }
  };
}

// One entry for every transport: parse the untrusted arguments, enforce the lock, run the handler, and turn
// any failure into a typed error without stack or secret (docs/architecture.md, the contract). A call is not
// operator activity: screens query in the background, so only `session.activity` (sent on real input) keeps
// the session awake.
import { contract, type ContractError, type MethodName, type Reply } from '../../../common/contract/index.ts';
import { describeProblems, fieldProblems, ValidationError } from '../../../common/card-api/validation.ts';
import type { Session } from '../session/session.ts';
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

export function createDispatcher(handlers: Handlers, session: Session, report: (error: unknown) => void): Dispatcher {
  return async (method, args) => {
    if (!isMethodName(method)) return { ok: false, error: { code: 'unknown_method', message: `no method ${method}` } };
    const spec = contract[method];
    if (session.locked && !spec.whileLocked) {
      return { ok: false, error: { code: 'session_locked', message: 'Card Desk is locked: unlock it to continue' } };
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
      const handler = handlers[method] as (a: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return { ok: false, error: toContractError(error, report) };
    }
  };
}

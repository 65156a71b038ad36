// Who is acting: the dispatcher runs every call as its signed-in operator (and the approver, under dual
// control), and the journal and the audit trail read it from here, so no handler has to pass it along and no
// record can forget it (docs/architecture.md, operators and roles).
import { AsyncLocalStorage } from 'node:async_hooks';

export interface Actor {
  /** The operator who made the call. */
  operatorId: string;
  /** The second operator who approved it, under dual control. */
  approverId?: string;
}

const storage = new AsyncLocalStorage<Actor>();

/** Runs `fn` (and everything it awaits or schedules) as `actor`. */
export function runAs<T>(actor: Actor, fn: () => T): T {
  return storage.run(actor, fn);
}

/** The actor of the call in progress; undefined outside one (background work, the CLI without an operator). */
export function currentActor(): Actor | undefined {
  return storage.getStore();
}

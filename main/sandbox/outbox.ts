// Simulated SMS: one-time codes and notices go here instead of to a phone (docs/card-api.md, sandbox).
import type { OutboxMessage, SandboxState } from './model.ts';
import { rfc3339 } from './time.ts';

/** Keeps the state file bounded on a long-running sandbox. */
const MAX_MESSAGES = 10_000;

export function sendSms(state: SandboxState, phone: number, text: string, at: number, code?: string): void {
  const message: OutboxMessage = { phone: String(phone), text, at: rfc3339(at) };
  if (code !== undefined) message.code = code;
  state.outbox.push(message);
  if (state.outbox.length > MAX_MESSAGES) state.outbox.splice(0, state.outbox.length - MAX_MESSAGES);
}

/** Newest last; copies, so callers cannot change the outbox. */
export function readOutbox(state: SandboxState, phone?: string): OutboxMessage[] {
  return state.outbox.filter((m) => phone === undefined || m.phone === phone).map((m) => ({ ...m }));
}

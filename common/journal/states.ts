// The life of one journalled write, shared by main (the journal) and the renderer (Requests, Journal).
// sending → pending | done | failed | unknown | not_received (docs/architecture.md, "one write").
// - sending: recorded, maybe sent (a crash here is reconciled through Request status)
// - pending: accepted by the server, still processing
// - unknown: it may or may not have happened; reconciliation continues
// - not_received: the server provably never received it; nothing happened
export const ENTRY_STATES = ['sending', 'pending', 'done', 'failed', 'unknown', 'not_received'] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

/** Still open: the outcome is not final and reconciliation goes on. */
export const OPEN_STATES: readonly EntryState[] = ['sending', 'pending', 'unknown'];

/** Open, or provably never received: what the operator must look at. */
export const ATTENTION_STATES: readonly EntryState[] = [...OPEN_STATES, 'not_received'];

export function isOpenState(state: EntryState): boolean {
  return OPEN_STATES.includes(state);
}

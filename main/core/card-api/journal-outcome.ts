// What the journal records of a write's outcome: the redacted result, the business error, or the reason it is
// open or was never received (docs/card-api.md, safe retry).
import type { Outcome } from '../../../common/card-api/outcome.ts';
import type { Journal } from '../journal/index.ts';
import { journalResult, maskPansIn } from '../journal/redact.ts';

export function recordOutcome(journal: Journal, outcome: Outcome, at: number): void {
  const { key } = outcome;
  switch (outcome.kind) {
    case 'done':
      journal.recordOutcome({ key, at, state: 'done', result: journalResult(outcome.result) });
      return;
    case 'failed':
      journal.recordOutcome({
        key,
        at,
        state: 'failed',
        // The server's words may repeat a card number the operator typed (into a card id, say).
        error: { code: outcome.code, description: maskPansIn(outcome.description) },
      });
      return;
    case 'pending':
      journal.recordOutcome({ key, at, state: 'pending' });
      return;
    case 'unknown':
      journal.recordOutcome({ key, at, state: 'unknown', reason: outcome.reason });
      return;
    case 'transport':
      // A write that provably never reached the server: nothing happened.
      journal.recordOutcome({ key, at, state: 'not_received', reason: outcome.reason });
      return;
  }
}

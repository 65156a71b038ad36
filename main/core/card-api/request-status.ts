// Request status read as the client needs it (docs/card-api.md, safe retry): whether the server knows an
// operation, and what a finished one ended as.
import type { ResultOf } from '../../../common/card-api/catalog/index.ts';
import type { Outcome, StatusAnswer } from '../../../common/card-api/outcome.ts';

/** The answer of one Request status read (its outcome) about a key. */
export function statusAnswerOf(outcome: Outcome): StatusAnswer {
  if (outcome.kind === 'done') {
    const { request_status: requestStatus, ...fields } = outcome.result as ResultOf<'request.status'>;
    return { kind: 'found', requestStatus, fields };
  }
  if (outcome.kind === 'failed' && outcome.code === 'request_not_found') return { kind: 'not-found' };
  if (outcome.kind === 'failed') return { kind: 'unreachable', reason: `${outcome.code}: ${outcome.description}` };
  return { kind: 'unreachable', reason: 'reason' in outcome ? outcome.reason : outcome.kind };
}

/** A finished request's outcome: success is done, error is failed; undefined while it is still processing. */
export function finishedOutcome(key: string, status: Extract<StatusAnswer, { kind: 'found' }>): Outcome | undefined {
  if (status.requestStatus === 'success') return { kind: 'done', key, result: status.fields };
  if (status.requestStatus === 'error') {
    const code = typeof status.fields.error_code === 'string' ? status.fields.error_code : 'request_failed';
    const description = typeof status.fields.error_description === 'string' ? status.fields.error_description : '';
    return { kind: 'failed', key, code, description };
  }
  return undefined;
}

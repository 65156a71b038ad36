// Every error an operator can meet becomes a sentence in their language saying what happened and what to do;
// the raw code and English message stay available as details only.
import type { TFunction } from 'i18next';
import { CardDeskError, type OperationOutcome } from '../../../common/contract/index.ts';
import { OutcomeError } from '../api/outcome.ts';

export type Tone = 'success' | 'info' | 'warning' | 'error';

export interface Described {
  tone: Tone;
  message: string;
  /** Raw code and server text, for the "details" disclosure and for support. */
  detail?: string;
}

function firstProblem(details: Record<string, unknown> | undefined): { field: string; message: string } | undefined {
  const problems = details?.problems;
  if (!Array.isArray(problems) || problems.length === 0) return undefined;
  const first = problems[0] as { field?: unknown; message?: unknown };
  return typeof first.field === 'string' && typeof first.message === 'string'
    ? { field: first.field, message: first.message }
    : undefined;
}

/** The i18n key of a Card API business error: card `error_code`s and gift `gift:<status>` codes. */
export function apiErrorKey(code: string): string {
  const gift = /^gift:(-?\d+)$/.exec(code);
  if (gift) return `errors:api.gift_${String(Math.abs(Number(gift[1])))}`;
  return `errors:api.${code}`;
}

export function describeOutcome(t: TFunction, outcome: OperationOutcome<unknown>): Described {
  switch (outcome.kind) {
    case 'done':
      return { tone: 'success', message: t('errors:outcome.done') };
    case 'failed':
      return {
        tone: 'error',
        message: t(apiErrorKey(outcome.code), { defaultValue: t('errors:api.other') }),
        detail: `${outcome.code}: ${outcome.description}`,
      };
    case 'pending':
      return { tone: 'info', message: t('errors:outcome.pending'), detail: outcome.key };
    case 'unknown':
      return { tone: 'warning', message: t('errors:outcome.unknown'), detail: `${outcome.key}: ${outcome.reason}` };
    case 'transport':
      return { tone: 'error', message: t('errors:outcome.transport'), detail: outcome.reason };
  }
}

export function describeError(t: TFunction, error: unknown): Described {
  if (error instanceof OutcomeError) return describeOutcome(t, error.outcome);
  if (error instanceof CardDeskError) {
    const detail = `${error.code}: ${error.message}`;
    if (error.code === 'invalid_arguments') {
      const problem = firstProblem(error.details);
      return {
        tone: 'error',
        message: t('errors:contract.invalid_arguments', {
          field: problem?.field ?? '',
          problem: problem?.message ?? '',
        }),
        detail,
      };
    }
    return {
      tone: 'error',
      message: t(`errors:contract.${error.code}`, { defaultValue: t('errors:contract.other'), ...error.details }),
      detail,
    };
  }
  return {
    tone: 'error',
    message: t('errors:contract.other'),
    detail: error instanceof Error ? error.message : String(error),
  };
}

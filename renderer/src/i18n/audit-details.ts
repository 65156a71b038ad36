// The details of an audited action as labelled fields in the operator's language ("Card: card_7",
// "Language: Қазақша"), not main's raw `key: value` record. Main audits ids and choices only, never a value
// (docs/architecture.md, data); a key this version does not know is shown as it came, never hidden.
import type { TFunction } from 'i18next';
import { REVEAL_REASONS, ROLES } from '../../../common/contract/index.ts';
import { formatDateTime, formatNumber } from './format.ts';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from './languages.ts';

export interface AuditField {
  key: string;
  label: string;
  value: string;
}

/** The detail keys main records (main/core: desk.audit callers), each with a label in journal.json. */
const KNOWN_KEYS: ReadonlySet<string> = new Set([
  'cardId',
  'jobId',
  'rows',
  'format',
  'exited',
  'profiles',
  'before',
  'file',
  'operations',
  'audits',
  'idleLockMinutes',
  'kiosk',
  'language',
  'reason',
  'note',
  'operatorId',
  'roles',
  'adoptedPin',
  'firstStart',
  'code',
  'method',
  'approverId',
  'repeats',
]);

const REVEAL_REASON_SET: ReadonlySet<unknown> = new Set(REVEAL_REASONS);

type Value = unknown;

function isLanguage(value: Value): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

function valueText(t: TFunction, language: Language, key: string, value: Value): string {
  if (value === null || value === undefined || value === '') return t('journal:audit.value.none');
  switch (key) {
    case 'kiosk':
      if (typeof value === 'boolean') return t(value ? 'journal:audit.value.on' : 'journal:audit.value.off');
      break;
    case 'language':
      if (isLanguage(value)) return LANGUAGE_NAMES[value];
      break;
    case 'idleLockMinutes':
      if (typeof value === 'number') return t('journal:audit.value.minutes', { count: value });
      break;
    case 'before':
      if (typeof value === 'number') return formatDateTime(value, language);
      break;
    case 'reason':
      if (typeof value === 'string' && REVEAL_REASON_SET.has(value)) return t(`cards:secret.reasons.${value}`);
      break;
    case 'format':
      if (value === 'clients' || value === 'cards') return t(`bulk:history.format.${value}`);
      break;
    case 'roles':
      // "teller,supervisor" → the roles' names.
      if (typeof value === 'string') return rolesWords(t, value);
      break;
    case 'code':
      // Why a sign-in or an approval was refused: the refusal's own sentence, or a shorter one where the sentence
      // says what only the moment knew (the attempts left then).
      if (typeof value === 'string') {
        const sentence = t(`errors:contract.${value}`, { defaultValue: value });
        return t(`journal:audit.refusal.${value}`, { defaultValue: sentence });
      }
      break;
  }
  if (typeof value === 'boolean') return t(value ? 'journal:audit.value.yes' : 'journal:audit.value.no');
  if (typeof value === 'number') return formatNumber(value, language);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function rolesWords(t: TFunction, roles: string): string {
  return roles
    .split(',')
    .map((role) => ((ROLES as readonly string[]).includes(role) ? t(`common:role.${role}`) : role))
    .join(', ');
}

export function auditFields(t: TFunction, language: Language, details: Record<string, Value>): AuditField[] {
  return Object.entries(details).map(([key, value]) => ({
    key,
    label: KNOWN_KEYS.has(key) ? t(`journal:audit.detail.${key}`) : key,
    value: valueText(t, language, key, value),
  }));
}

/** "Card: card_7; Rows: 1 200": a tooltip, the text filter, a CSV cell. */
export function auditFieldsText(fields: readonly AuditField[]): string {
  return fields.map((f) => `${f.label}: ${f.value}`).join('; ');
}

// Every action main audits has words in all five languages, and an entry's details read as labelled fields in
// the operator's language. The action names are read from main's source, so adding `desk.audit('x', …)` or
// `recordAudit({action: 'x'})` without its words fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../common/contract/index.ts';
import { auditFields, auditFieldsText } from '../../../renderer/src/i18n/audit-details.ts';
import { AUDIT_ACTIONS, auditActionLabel, auditActionPath } from '../../../renderer/src/i18n/op-names.ts';
import { filesUnder } from '../../support/files-under.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const LOCALES = join(ROOT, 'renderer', 'src', 'i18n', 'locales');

/** The string literals in the action argument of every audit call in main's source. */
function auditedActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of filesUnder(join(ROOT, 'main')).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(file, 'utf8');
    // `audit('bulk.start', …)`, `audit(existing ? 'profile.edit' : 'profile.add', …)`
    for (const call of source.matchAll(/\baudit\(\s*([^,{)]*?),/g)) {
      for (const literal of (call[1] ?? '').matchAll(/'([^']+)'/g)) found.set(literal[1] ?? '', file);
    }
    // `recordAudit({ …, action: 'journal.archive', … })`
    for (const call of source.matchAll(/recordAudit\(\{[^}]*?action:\s*'([^']+)'/g)) found.set(call[1] ?? '', file);
  }
  return found;
}

function wordsAt(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
}

const t = ((key: string, options?: { count?: number }) =>
  options?.count === undefined ? `«${key}»` : `«${key}:${String(options.count)}»`) as unknown as TFunction;

describe('audited actions', () => {
  const actions = auditedActions();

  it('are found in main (the scan works)', () => {
    expect([...actions.keys()]).toEqual(
      expect.arrayContaining(['bulk.start', 'card.secret.reveal', 'profile.add', 'profile.edit', 'journal.archive']),
    );
  });

  it('each are known to the renderer', () => {
    for (const [action, file] of actions) expect(AUDIT_ACTIONS, `${action} (${file})`).toContain(action);
  });

  it.each([...LANGUAGES])('each have words in %s', (language) => {
    const journal = JSON.parse(readFileSync(join(LOCALES, language, 'journal.json'), 'utf8')) as {
      audit: { action: unknown };
    };
    for (const action of new Set([...actions.keys(), ...AUDIT_ACTIONS])) {
      const words = wordsAt(journal.audit.action, auditActionPath(action));
      expect(typeof words, `${language}: ${action}`).toBe('string');
      expect(words, `${language}: ${action}`).not.toBe('');
    }
  });

  it('are named in words, and an unknown one as it came', () => {
    expect(auditActionLabel(t, 'bulk.start')).toBe('«journal:audit.action.bulk.start»');
    expect(auditActionLabel(t, 'desk.teleport')).toBe('desk.teleport');
  });
});

describe('audit details', () => {
  it('are labelled fields with values in the operator language', () => {
    const fields = auditFields(t, 'kk', { jobId: 'job_1', rows: 1200, format: 'clients', exited: false });
    expect(fields).toEqual([
      { key: 'jobId', label: '«journal:audit.detail.jobId»', value: 'job_1' },
      { key: 'rows', label: '«journal:audit.detail.rows»', value: expect.stringMatching(/^1\s200$/) as string },
      { key: 'format', label: '«journal:audit.detail.format»', value: '«bulk:history.format.clients»' },
      { key: 'exited', label: '«journal:audit.detail.exited»', value: '«journal:audit.value.no»' },
    ]);
    expect(auditFieldsText(fields)).not.toMatch(/jobId:|rows:/);
  });

  it('show settings in words: a language by its name, minutes, kiosk on or off', () => {
    const fields = auditFields(t, 'en', { language: 'kk', idleLockMinutes: 5, kiosk: true });
    expect(fields.map((f) => f.value)).toEqual([
      'Қазақша',
      '«journal:audit.value.minutes:5»',
      '«journal:audit.value.on»',
    ]);
  });

  it('show a reveal reason in words and the note as typed', () => {
    expect(auditFields(t, 'kk', { reason: 'card_reissue', note: 'see ticket 12' })).toEqual([
      { key: 'reason', label: '«journal:audit.detail.reason»', value: '«cards:secret.reasons.card_reissue»' },
      { key: 'note', label: '«journal:audit.detail.note»', value: 'see ticket 12' },
    ]);
  });

  it('show a key this version does not know as it came', () => {
    expect(auditFields(t, 'en', { flavour: 'mint' })).toEqual([{ key: 'flavour', label: 'flavour', value: 'mint' }]);
  });

  // The refusal's sentence at the time said how many attempts were left; the record does not know it.
  it.each([...LANGUAGES])(
    'show why an approval was refused as a whole sentence in %s, never a placeholder',
    async (lng) => {
      const words = (ns: string) => JSON.parse(readFileSync(join(LOCALES, lng, `${ns}.json`), 'utf8')) as object;
      const i18n = i18next.createInstance();
      await i18n.init({
        lng,
        resources: { [lng]: { errors: words('errors'), journal: words('journal'), common: words('common') } },
        interpolation: { escapeValue: false },
      });
      const codes = Object.keys((words('errors') as { contract: object }).contract);
      expect(codes).toContain('operator_unknown_or_wrong_secret');
      for (const code of codes) {
        const [field] = auditFields(i18n.t, lng, { code });
        expect(field?.value, `${lng}: ${code}`).not.toMatch(/\{\{|\}\}/);
        expect(field?.value, `${lng}: ${code}`).not.toBe(code);
      }
    },
  );
});

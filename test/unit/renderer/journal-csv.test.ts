// The Journal's CSV exports in the operator's language (docs/operator-ui.md, Exports): translated headers,
// operation names, states and audited actions, local times with the offset, written page by page in the
// language's CSV style.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JournalEntryView } from '../../../common/contract/index.ts';
import { csvTime } from '../../../renderer/src/components/csv.ts';
import { auditCsv, operationsCsv } from '../../../renderer/src/screens/journal/journal-csv.ts';
import { csvParts } from '../../../renderer/src/screens/journal/journal-export.ts';

const LOCALES = join(import.meta.dirname, '..', '..', '..', 'renderer', 'src', 'i18n', 'locales');
const namespace = (lng: string, ns: string) =>
  JSON.parse(readFileSync(join(LOCALES, lng, `${ns}.json`), 'utf8')) as Record<string, unknown>;

let t: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'ru',
    resources: { ru: { common: namespace('ru', 'common'), journal: namespace('ru', 'journal') } },
    interpolation: { escapeValue: false },
  });
  t = i18n.t;
});

const AT = Date.UTC(2026, 11, 6, 14, 5, 3);
const entry: JournalEntryView = {
  requestId: 'r-1',
  op: 'card.block',
  profileId: 'sandbox',
  at: AT,
  updatedAt: AT + 1000,
  state: 'not_received',
  params: { card_id: 'card_1', description: 'lost: at the counter' },
  operator: null,
  approver: null,
};

describe('operationsCsv', () => {
  it('writes the operation name, state and times in Russian words and local time', () => {
    const csv = operationsCsv(t, [entry]);
    expect(csv.header.slice(0, 4)).toEqual(['Время', 'Последнее изменение', 'Операция', 'Состояние']);
    expect(csv.rows[0]?.slice(0, 4)).toEqual([
      csvTime(AT),
      csvTime(AT + 1000),
      t('journal:op.card.block'),
      t('common:entryState.not_received'),
    ]);
    expect(csv.rows[0]?.[2]).not.toBe('card.block');
  });

  it('is written page by page with a BOM, ";" and quoted JSON parameters', async () => {
    const csv = operationsCsv(t, []);
    const { parts, rows } = await csvParts(
      'ru',
      csv.header,
      (cursor) => Promise.resolve({ entries: cursor === null ? [entry] : [], nextCursor: null }),
      (page) => operationsCsv(t, page).rows,
    );
    expect(rows).toBe(1);
    const bytes = new Uint8Array(await new Blob(parts).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3));
    const [header, line] = text.split('\r\n');
    expect(header?.split(';')).toEqual(csv.header);
    expect(line).toContain(`;${t('common:entryState.not_received')};`);
    expect(line).toContain('"{""card_id"":""card_1""');
  });
});

describe('auditCsv', () => {
  it('writes the audited action in words', () => {
    const csv = auditCsv(
      t,
      'ru',
      [
        {
          id: 'a1',
          at: AT,
          action: 'card.secret.reveal',
          profileId: 'sandbox',
          details: { cardId: 'card_1' },
          operator: null,
          approver: null,
        },
      ],
      (id) => (id === 'sandbox' ? 'Песочница' : (id ?? '')),
    );
    expect(csv.rows[0]?.[1]).toBe(t('journal:audit.action.card.secret.reveal'));
    expect(csv.rows[0]?.[1]).not.toBe('card.secret.reveal');
    expect(csv.rows[0]?.[2]).toBe('Песочница');
    // Labelled in Russian, not main's raw record.
    expect(csv.rows[0]?.[3]).toContain('card_1');
    expect(csv.rows[0]?.[3]).not.toContain('cardId');
  });
});

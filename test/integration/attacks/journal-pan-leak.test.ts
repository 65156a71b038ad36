// Attack: a card number typed into free text (a block or unblock note) reaches journal.db, its log and the archives: the journal keeps the redacted parameters of every write before it is
// sent, so a PAN there would sit on disk for years (docs/architecture.md, "The journal"; docs/card-api.md,
// sensitive data).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveJournal } from '../../../main/core/journal/archive.ts';
import type { Desk } from '../../../main/core/desk.ts';
import { createServices, type Services } from '../../../main/core/services/index.ts';
import { attack } from '../../support/attack.ts';
import { leaksInFiles } from '../../support/leak-scan.ts';
import { openTestDesk, TEST_APP_INFO } from '../../support/test-desk.ts';
import { signInAdmin } from '../../support/sign-in.ts';

const PAN = '4111111111111111';
const PAN_SPACED = '5500 0000 0000 0004';
let desk: Desk;
let services: Services;

beforeAll(async () => {
  desk = openTestDesk();
  services = createServices({ desk, appInfo: TEST_APP_INFO, report: () => undefined });
  await signInAdmin(services);
});
afterAll(async () => {
  await services.close();
});

describe('card numbers typed into a write', () => {
  it('never reach the journal, its log or an archive', () =>
    attack('journal: a PAN typed into a note is written to journal.db', async () => {
      await services.dispatch('cards.block', { cardId: 'c-1', reason: 'lost', note: `card ${PAN} lost` });
      await services.dispatch('cards.unblock', { cardId: 'c-1', reason: 'other', note: `was ${PAN_SPACED}` });
      const entries = [...desk.journal.iterate()];
      expect(entries.length).toBe(2); // both writes were journalled (and then refused or failed)
      const shown = JSON.stringify(entries);
      expect(shown).not.toContain(PAN);
      expect(shown.replace(/\D/g, '')).not.toContain(PAN_SPACED.replace(/\D/g, ''));
      expect(leaksInFiles(desk.dataDir, { exact: [], pans: [PAN] })).toEqual([]);
      for (const entry of entries) desk.journal.recordOutcome({ key: entry.key, at: entry.at + 1, state: 'failed' });
      await archiveJournal(desk.journal, desk.dataDir, Date.now() + 60_000);
      expect(leaksInFiles(desk.dataDir, { exact: [], pans: [PAN] })).toEqual([]);
    }));

  it('a card number the server repeats in its error is masked there', () =>
    attack('journal: a PAN echoed in a server error is written to journal.db', async () => {
      // Typed into the card id field by mistake: the sandbox answers "card <id> not found".
      await services.dispatch('cards.unblock', { cardId: PAN, reason: 'found', note: '' });
      const entry = [...desk.journal.iterate({ op: 'card.unblock' })].find((e) => e.params.card_id === PAN);
      expect(entry?.state).toBe('failed');
      expect(JSON.stringify(entry?.error)).not.toContain(PAN);
      expect(JSON.stringify(entry?.error)).toContain('411111******1111');
    }));
});

// The check of a bulk file says how many cards it issues (docs/bulk.md): the confirmation states it, not the rows.
import { describe, expect, it } from 'vitest';
import type { Journal } from '../../main/core/journal/index.ts';
import { BulkService } from '../../main/core/bulk/service.ts';
import type { JobRunner } from '../../main/core/bulk/runner-types.ts';
import { tempDir } from '../support/temp-dir.ts';

const service = (): BulkService =>
  new BulkService(tempDir(), {
    journal: undefined as unknown as Journal, // a check reads no journal
    client: () => Promise.reject(new Error('nothing is sent while checking')),
    assertAllowed: () => undefined,
    runner: () => ({}) as JobRunner,
  });

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('the card count of a checked bulk file', () => {
  it('sums the quantities of a cards file', () => {
    const report = service().validate('cards.csv', bytes('product_id,quantity\n2000,100\n3000,25\n'));
    expect(report).toMatchObject({ format: 'cards', rows: 2, cards: 125, problems: [] });
  });

  it('counts no cards for a file with problems', () => {
    const report = service().validate('cards.csv', bytes('product_id,quantity\n2000,0\n'));
    expect(report.cards).toBeUndefined();
  });
});

// The search directory's parts (main/core/directory): tokens, keyed hashes, sealed rows, search, what settled
// operations teach it, retention and a lost key (docs/architecture.md, data and security).
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyedHash, openRow, sealRow, type DirectoryKeys } from '../../../main/core/directory/crypto.ts';
import { Directory } from '../../../main/core/directory/directory.ts';
import { learn } from '../../../main/core/directory/feed.ts';
import { DirectoryStore } from '../../../main/core/directory/store.ts';
import { lastFourOf, queryWords, recordTokens, words } from '../../../main/core/directory/tokens.ts';

const keys = (): DirectoryKeys => ({ seal: randomBytes(32), index: randomBytes(32) });
const PAN = '4400430123456789'; // Luhn-valid
const CLIENT_BODY = {
  product_id: 2000,
  client: {
    phone: 77011237012,
    type: 1,
    resident: 1,
    first_name: 'Aigerim',
    last_name: "Nurlanova-O'Hara",
    birthdate: '1990-04-01',
    person_id: '900401400123',
    address1: {
      country: 'KAZ',
      postal_code: '050000',
      address_line1: 'Abay 1',
      address_line2: 'Almaty',
      address_line3: 'Almaly',
    },
  },
};

function directoryWith(now = () => 1_000_000): Directory {
  const directory = new Directory(new DirectoryStore(':memory:'), keys(), now);
  const done = (result: Record<string, unknown>) => ({ kind: 'done' as const, key: 'k', result });
  const teach = (op: string, body: Record<string, unknown>, result: Record<string, unknown>) => {
    for (const r of learn('sandbox', op, body, done(result), (pan) => directory.panToken('sandbox', pan)))
      directory.remember(r);
  };
  teach('client.create', CLIENT_BODY, { client_id: 'c-1' });
  teach('card.issue', { client_id: 'c-1' }, { cards: [{ card_id: 'card-9' }] });
  teach(
    'card.info',
    { card_id: 'card-9' },
    {
      card: { card_id: 'card-9', card_mask: '440043******6789', status: 'active', client_id: 'c-1', kind: 'virtual' },
    },
  );
  teach('card.secret', { card_id: 'card-9' }, { pan: PAN, cvv: '123', expiry: '12/29', cardholder_name: 'X' });
  return directory;
}

const ids = (directory: Directory, text: string, profileId = 'sandbox') =>
  directory
    .search(profileId, text)
    .found.map((f) => `${f.record.kind}:${f.record.kind === 'client' ? f.record.clientId : f.record.cardId}`);

describe('tokens', () => {
  it('normalises names to lower-case words without accents, and their prefixes from two letters', () => {
    expect(words("Nurlanova-O'Hara  Zoë")).toEqual(['nurlanova', 'o', 'hara', 'zoe']);
    const tokens = recordTokens({
      kind: 'client',
      profileId: 'p',
      clientId: 'c',
      lastName: 'Omar',
      phone: '77011237012',
    });
    expect(tokens).toEqual(expect.arrayContaining(['w:om', 'w:oma', 'w:omar', 'x:7012', 'x:77011237012', 'x:c']));
    expect(tokens).not.toContain('w:o');
    expect(tokens).not.toContain('x:012');
  });

  it('reads a grouped card number as one word, and knows it by Luhn', () => {
    expect(queryWords('4400 4301 2345 6789')).toEqual([{ tokens: ['x:4400430123456789'], pan: PAN }]);
    expect(queryWords('4400430123456788')[0]?.pan).toBeUndefined();
    expect(queryWords('Omar 7012').map((w) => w.tokens)).toEqual([['w:omar', 'x:omar'], ['x:7012']]);
    expect(lastFourOf('440043******6789')).toBe('6789');
  });
});

describe('keyed hashes and sealed rows', () => {
  it('hash the same input alike under one key and differently under another', () => {
    const a = keys();
    expect(keyedHash(a, 'token', 'p', 'w:om')).toBe(keyedHash(a, 'token', 'p', 'w:om'));
    expect(keyedHash(a, 'token', 'p', 'w:om')).not.toBe(keyedHash(keys(), 'token', 'p', 'w:om'));
    expect(keyedHash(a, 'token', 'p', 'w:om')).not.toBe(keyedHash(a, 'token', 'q', 'w:om'));
  });

  it('open only under the same key and the same row id, and refuse a changed byte', () => {
    const k = keys();
    const sealed = sealRow(k, 'row-1', { name: 'Aigerim' });
    expect(openRow(k, 'row-1', sealed)).toEqual({ name: 'Aigerim' });
    expect(openRow(k, 'row-2', sealed)).toBeUndefined();
    expect(openRow(keys(), 'row-1', sealed)).toBeUndefined();
    sealed[20] = (sealed[20] ?? 0) ^ 1;
    expect(openRow(k, 'row-1', sealed)).toBeUndefined();
  });
});

describe('search', () => {
  it('finds the client and the card by name fragment, phone, national id, last four and whole card number', () => {
    const d = directoryWith();
    expect(ids(d, 'nurl')).toEqual(['client:c-1']);
    expect(ids(d, 'aigerim hara')).toEqual(['client:c-1']);
    expect(ids(d, '+7 701 123 70 12')).toEqual(['client:c-1']); // a phone typed in groups
    expect(ids(d, '77011237012')).toEqual(['client:c-1']);
    expect(ids(d, '7012')).toEqual(['client:c-1']);
    expect(ids(d, '900401400123')).toEqual(['client:c-1']);
    expect(ids(d, '6789')).toEqual(['card:card-9']);
    expect(ids(d, '4400 4301 2345 6789')).toEqual(['card:card-9']);
    expect(ids(d, 'card-9')).toEqual(['card:card-9']);
    expect(ids(d, 'nurlanova 6789')).toEqual([]); // every word must match the same row
    expect(ids(d, 'n')).toEqual([]);
  });

  it('keeps each profile to its own rows', () => {
    expect(ids(directoryWith(), 'nurl', 'production')).toEqual([]);
  });

  it("links a client's cards and keeps the later status", () => {
    const d = directoryWith();
    const done = { kind: 'done' as const, key: 'k', result: {} };
    for (const r of learn('sandbox', 'card.block', { card_id: 'card-9', description: 'lost' }, done, () => ''))
      d.remember(r);
    expect(d.cardsOf('sandbox', 'c-1').map((c) => [c.cardId, c.status, c.mask])).toEqual([
      ['card-9', 'blocked', '440043******6789'],
    ]);
    expect(d.find('client', 'sandbox', 'c-1')?.record).toMatchObject({ productId: 2000, birthDate: '1990-04-01' });
    expect(d.find('client', 'sandbox', 'c-2')).toBeUndefined();
  });

  it('learns nothing from an operation that did not succeed', () => {
    const pending = { kind: 'pending' as const, key: 'k' };
    expect(learn('sandbox', 'client.create', CLIENT_BODY, pending, () => '')).toEqual([]);
  });
});

describe('retention and keys', () => {
  it('purges rows not touched for the retention days, and keeps the ones touched since', () => {
    let now = 0;
    const d = directoryWith(() => now);
    now = 10 * 86_400_000;
    d.remember({ kind: 'client', profileId: 'sandbox', clientId: 'c-1', phone: '77019990000' });
    expect(d.purge(5)).toBe(1); // the card, untouched for 10 days
    expect(ids(d, '0000')).toEqual(['client:c-1']);
    expect(ids(d, '6789')).toEqual([]);
  });

  it('drops the rows when the keys changed, since nothing sealed under the old ones can be read', () => {
    const store = new DirectoryStore(':memory:');
    const first = new Directory(store, keys());
    first.remember({ kind: 'client', profileId: 'p', clientId: 'c', lastName: 'Omar' });
    expect(store.count()).toBe(1);
    const second = new Directory(store, keys());
    expect(store.count()).toBe(0);
    expect(second.search('p', 'omar').found).toEqual([]);
  });
});

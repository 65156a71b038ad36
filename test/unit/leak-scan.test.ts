// The leak scan itself must find what it looks for, or every "0 leaks" would prove nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leaksIn, leaksInFiles } from '../support/leak-scan.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('leak scan', () => {
  it('finds a canary, a Luhn-valid card number and a CVV field, and names where', () => {
    const canaries = { exact: ['s3cret-canary', '918273645546'], pans: ['4000001234567899'] };
    expect(leaksIn('log: secret=s3cret-canary', canaries)).toEqual(['canary s3cr…']);
    expect(leaksIn('pin 918273645546 sent', canaries)).toEqual(['canary 9182…']);
    expect(leaksIn('{"pan":"4000001234567899"}', canaries)).toEqual(['canary 4000…', 'card number 400000…7899']);
    expect(leaksIn('{"card":"4111111111111111"}', { exact: [] })).toEqual(['card number 411111…1111']);
    expect(leaksIn('{"cvv": "123"}', { exact: [] })).toEqual(['a CVV field with its value']);
    const dir = tempDir();
    mkdirSync(join(dir, 'logs'));
    writeFileSync(join(dir, 'logs', 'x.log'), 'card 4111111111111111\n');
    expect(leaksInFiles(dir, { exact: [] })).toEqual([`${join(dir, 'logs', 'x.log')}: card number 411111…1111`]);
  });

  it('does not mistake times, phones, masks, ids, IBANs or digests for card numbers', () => {
    const text = JSON.stringify({
      at: 1795000000017,
      phone: 77001234567,
      card_mask: '400000******9346',
      id: '9d1bd092-b59b-4766-a573-02babac1ba81',
      amount: '1500.00',
      iban: 'KZ544000000000000015', // its 18 digits pass the Luhn check
      bodySha256: 'a544000000000000015b', // so would these, inside a hex digest
    });
    expect(leaksIn(text, { exact: ['never-there'] })).toEqual([]);
    expect(leaksIn('544000000000000015', { exact: [] })).toHaveLength(1); // the same digits alone would count
  });

  it('finds a short PIN standing alone, not by chance inside a hex id or an epoch time', () => {
    const pin = { exact: ['1111'] };
    expect(leaksIn('{"id":"9d1bd09211116b59","at":1796571111042}', pin)).toEqual([]);
    expect(leaksIn('{"pin":"1111"}', pin)).toEqual(['canary 1111…']);
    expect(leaksIn('unlock with 1111 failed', pin)).toEqual(['canary 1111…']);
  });
});

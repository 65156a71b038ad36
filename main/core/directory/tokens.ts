// Search tokens (docs/architecture.md, security): what a row can be found by, normalised so that what an operator
// types matches what was stored. Only keyed hashes of them reach the disk (crypto.ts).
import { luhnValid } from '../../../common/card-api/pan.ts';
import type { DirectoryRecord } from './records.ts';

/** Shortest name prefix and phone ending that find anything: fewer characters match too much to be useful. */
export const MIN_PREFIX = 2;
export const MIN_DIGITS = 4;

/** Lower-case letters and digits, accents and separators dropped: "O'Neil-Smith" → ["o", "neil", "smith"]. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

const prefixes = (word: string): string[] => {
  const out: string[] = [];
  for (let n = Math.min(MIN_PREFIX, word.length); n <= word.length; n++) out.push(word.slice(0, n));
  return out;
};

/** Phone endings from the last four digits up to the whole number, so "7012" and "77011237012" both find it. */
const endings = (digits: string): string[] => {
  const out: string[] = [];
  for (let n = Math.min(MIN_DIGITS, digits.length); n <= digits.length; n++) out.push(digits.slice(-n));
  return out;
};

const digitsOf = (text: string): string => text.replace(/\D/g, '');

/** Every token a row is found by (before hashing). `pan:` tokens are already keyed hashes. */
export function recordTokens(record: DirectoryRecord): string[] {
  const tokens = new Set<string>();
  const add = (t: string) => tokens.add(t);
  const addName = (name: string | undefined) => {
    for (const w of words(name ?? ''))
      prefixes(w)
        .map((p) => `w:${p}`)
        .forEach(add);
  };
  const addId = (id: string | undefined) => {
    for (const w of words(id ?? '')) add(`x:${w}`);
  };
  if (record.kind === 'client') {
    [record.firstName, record.lastName, record.middleName].forEach(addName);
    if (record.phone !== undefined)
      endings(digitsOf(record.phone))
        .map((d) => `x:${d}`)
        .forEach(add);
    addId(record.personId);
    addId(record.clientId);
  } else {
    addName(record.cardholderName);
    if (record.clientId !== undefined) add(`client:${record.clientId}`);
    if (record.lastFour !== undefined) add(`x:${record.lastFour}`);
    addId(record.cardId);
    if (record.panToken !== undefined) add(`pan:${record.panToken}`);
  }
  return [...tokens];
}

/**
 * What one typed word may match: a name prefix, an id, digits (a phone ending, a last four, a national id), and
 * for a whole card number its keyed hash (made by the caller: `pan` names the digits).
 */
export interface QueryWord {
  tokens: string[];
  /** A Luhn-valid 12 to 19 digit number: matched through the keyed hash of the card number. */
  pan?: string;
}

/** The words of a query; a card number typed in groups ("4400 4301 2345 6789") counts as one word. */
export function queryWords(text: string): QueryWord[] {
  const joined = text.replace(/(\d)[ -](?=\d)/g, '$1');
  return words(joined).map((w) => {
    const tokens = /^\p{L}+$/u.test(w) ? [`w:${w}`] : [`x:${w}`];
    if (/^\p{L}/u.test(w)) tokens.push(`x:${w}`);
    const pan = /^\d{12,19}$/.test(w) && luhnValid(w) ? w : undefined;
    return pan === undefined ? { tokens } : { tokens, pan };
  });
}

/** The last four digits of a card mask ("440043******1234" → "1234"). */
export function lastFourOf(mask: string): string | undefined {
  const digits = /(\d{4})\D*$/.exec(mask)?.[1];
  return digits;
}

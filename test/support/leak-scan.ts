// Leak scans: look for a canary merchant secret, card numbers, CVV values and PINs in files, process
// output, browser storage and recorded IPC payloads.
import { readFileSync } from 'node:fs';
import { luhnValid } from '../../common/card-api/pan.ts';
import { filesUnder } from './files-under.ts';

export interface Canaries {
  /** Exact values that must appear nowhere: merchant secrets, PINs typed during the run. */
  exact: string[];
  /** Card numbers seen during the run (revealed in the UI): must appear nowhere either. */
  pans?: string[];
}

/**
 * Card-number-like runs: 15–19 digits standing alone, Luhn-valid. Epoch-millisecond times are 13 digits and
 * phones at most 12; digits inside a word are not a card number (an IBAN's account part after "KZ54", a run
 * inside a SHA-256 hex digest or a UUID).
 */
const DIGIT_RUN = /(?<![0-9A-Za-z])\d{15,19}(?![0-9A-Za-z])/g;
const CVV_FIELD = /"?cvv2?"?\s*[:=]\s*"?\d{3,4}/i;

/**
 * A canary of digits only (a PIN, a card number) counts where it stands alone, as a value would: inside a longer
 * run of letters and digits (a hex id, a UUID, an epoch time) a short PIN like 1111 is chance, not a leak.
 */
function contains(text: string, value: string): boolean {
  if (!/^\d+$/.test(value)) return text.includes(value);
  return new RegExp(`(?<![0-9A-Za-z])${value}(?![0-9A-Za-z])`).test(text);
}

export function leaksIn(text: string, canaries: Canaries): string[] {
  const hits: string[] = [];
  for (const value of [...canaries.exact, ...(canaries.pans ?? [])]) {
    if (value !== '' && contains(text, value)) hits.push(`canary ${value.slice(0, 4)}…`);
  }
  for (const match of text.matchAll(DIGIT_RUN)) {
    if (luhnValid(match[0])) hits.push(`card number ${match[0].slice(0, 6)}…${match[0].slice(-4)}`);
  }
  if (CVV_FIELD.test(text)) hits.push('a CVV field with its value');
  return hits;
}

/** Every file under `dir` (journal, settings, logs, sandbox state, bulk jobs): `file: hit` lines. */
export function leaksInFiles(dir: string, canaries: Canaries): string[] {
  const hits: string[] = [];
  for (const file of filesUnder(dir)) {
    const text = readFileSync(file).toString('latin1');
    for (const hit of leaksIn(text, canaries)) hits.push(`${file}: ${hit}`);
  }
  return hits;
}

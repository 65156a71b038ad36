// Card numbers (PAN): the Luhn check and the first-6 + last-4 mask (docs/card-api.md, sensitive data). Pure.
export function luhnCheckDigit(partial: string): string {
  let sum = 0;
  // Walk from the right; the check digit will sit right of this, so the rightmost digit here is doubled.
  for (let i = 0; i < partial.length; i++) {
    let d = Number(partial[partial.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function luhnValid(pan: string): boolean {
  return /^\d{12,19}$/.test(pan) && luhnCheckDigit(pan.slice(0, -1)) === pan.slice(-1);
}

/** First 6 and last 4 digits; everything between masked. */
export function maskPan(pan: string): string {
  if (pan.length < 12) return '*'.repeat(pan.length);
  return `${pan.slice(0, 6)}${'*'.repeat(pan.length - 10)}${pan.slice(-4)}`;
}

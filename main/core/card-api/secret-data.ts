// Masking of card.secret answers (SPEC §8): PAN as first 6 + last 4, CVV never shown masked-in.
export function maskPan(pan: string): string {
  if (pan.length < 12) return '*'.repeat(pan.length);
  return `${pan.slice(0, 6)}${'*'.repeat(pan.length - 10)}${pan.slice(-4)}`;
}

export function maskSecretData(result: Record<string, unknown>): Record<string, unknown> {
  const masked = { ...result };
  if (typeof masked.pan === 'string') masked.pan = maskPan(masked.pan);
  if (typeof masked.cvv === 'string') masked.cvv = '***';
  return masked;
}

// Masking of card.secret answers (docs/card-api.md, sensitive data): PAN as first 6 + last 4, CVV never shown.
import { maskPan } from '../../../common/card-api/pan.ts';

export function maskSecretData(result: Record<string, unknown>): Record<string, unknown> {
  const masked = { ...result };
  if (typeof masked.pan === 'string') masked.pan = maskPan(masked.pan);
  if (typeof masked.cvv === 'string') masked.cvv = '***';
  return masked;
}

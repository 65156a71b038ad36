// What of a bank's answer may travel on: the fields the catalog declares, unknown keys stripped at every depth,
// so that a card number or CVV a bank adds to an answer never reaches the journal, a log or the renderer
// (docs/card-api.md, sensitive data). Card data comes only from card.secret, through the audited reveal.
import { z } from 'zod';

/**
 * The answer parsed by its schema (which strips unknown keys). When the whole answer does not fit, each
 * declared field that fits its own schema is kept and the rest dropped: the write happened, so its outcome
 * stays done, but nothing unknown passes.
 */
export function knownFields(schema: z.ZodType, fields: Record<string, unknown>): Record<string, unknown> {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  if (!(schema instanceof z.ZodObject)) return {};
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const one = (field as z.ZodType).safeParse(fields[key]);
    if (one.success && one.data !== undefined) kept[key] = one.data;
  }
  return kept;
}

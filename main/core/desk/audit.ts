// The audit trail of operator actions that are not API writes (reveals, settings, profiles, secrets), kept in
// the journal and written to disk before the action goes ahead (docs/architecture.md, data).
import { randomUUID } from 'node:crypto';
import type { Journal } from '../journal/index.ts';

/** Records one action. Callers pass ids and choices only, never a secret. */
export type Audit = (action: string, details: Record<string, string | number | boolean | null>) => void;

export function auditInto(journal: Journal, now: () => number = Date.now): Audit {
  return (action, details) => {
    const { profileId, ...rest } = details;
    journal.recordAudit({
      key: randomUUID(),
      at: now(),
      action,
      ...(typeof profileId === 'string' ? { profileId } : {}),
      details: rest,
    });
  };
}

// Operator rows as stored and as the contract shows them: never the secret hash.
import type { OperatorView } from '../../../common/contract/index.ts';
import { ROLES, type Role } from '../../../common/contract/rights.ts';

export type OperatorSource = OperatorView['source'];

export interface OperatorRow {
  id: string;
  name: string;
  roles: string;
  secret_hash: string;
  enabled: number;
  source: string;
  created_at: number;
  failed_attempts: number;
  locked_until: number | null;
  provided_hash: string | null;
}

/** Who is signed in or approving: what the session and the records need. */
export interface OperatorIdentity {
  id: string;
  name: string;
  roles: Role[];
}

export function rolesOf(text: string): Role[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) return [];
  return ROLES.filter((role) => parsed.includes(role));
}

export function viewOf(row: OperatorRow, now: number): OperatorView {
  return {
    id: row.id,
    name: row.name,
    roles: rolesOf(row.roles),
    enabled: row.enabled === 1,
    source: row.source as OperatorSource,
    createdAt: row.created_at,
    lockedUntil: row.locked_until !== null && row.locked_until > now ? row.locked_until : null,
  };
}

export function identityOf(row: OperatorRow): OperatorIdentity {
  return { id: row.id, name: row.name, roles: rolesOf(row.roles) };
}

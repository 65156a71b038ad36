// Operator-readable names of Card API operations (`card.block` → "Block card") and of audited actions, shared by
// the Requests and Journal screens. Labels live in the `journal` namespace (`op.*`, `audit.action.*`); an id
// this version does not know is shown as it came, never hidden.
import type { TFunction } from 'i18next';
import { OP_IDS, operations, type OpId } from '../../../common/card-api/catalog/index.ts';

/** The journaled operations: the catalog's writes (docs/card-api.md), in catalog order, as the pickers list them. */
export const JOURNALED_OPS: readonly OpId[] = OP_IDS.filter((id) => operations[id].access === 'write');

/**
 * Audited operator actions that are not API writes (main: desk.audit callers and journal.recordAudit).
 * test/unit/renderer/audit-actions.test.ts fails when main records one that is missing here or in a locale.
 */
export const AUDIT_ACTIONS = [
  'card.secret.reveal',
  'settings.update',
  'profile.add',
  'profile.edit',
  'profile.switch',
  'secret.set',
  'secret.clear',
  'pin-key.create',
  'operator-pin.set',
  'provisioning.import',
  'kiosk.exit',
  'bulk.start',
  'bulk.cancel',
  'journal.archive',
  'operator.add',
  'operator.disable',
  'operator.enable',
  'operator.secret.reset',
  'operator.secret.change',
  'session.signIn',
  'session.signIn.refused',
  'session.signOut',
  'approval.refused',
] as const;

/**
 * Where an action's words live under `journal:audit.action`, when its id cannot be that path: an id that extends
 * another id (`session.signIn.refused` beside `session.signIn`) would need a key to be both words and a group.
 */
const ACTION_PATHS: Readonly<Record<string, string>> = { 'session.signIn.refused': 'session.signInRefused' };

export function auditActionPath(action: string): string {
  return ACTION_PATHS[action] ?? action;
}

const KNOWN_OPS: ReadonlySet<string> = new Set(JOURNALED_OPS);
const KNOWN_ACTIONS: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

export function opLabel(t: TFunction, op: string): string {
  return KNOWN_OPS.has(op) ? t(`journal:op.${op}`) : op;
}

export function auditActionLabel(t: TFunction, action: string): string {
  return KNOWN_ACTIONS.has(action) ? t(`journal:audit.action.${auditActionPath(action)}`) : action;
}

/** Known ids first (in their fixed order), then any others seen in the data, so nothing becomes unfilterable. */
export function withSeen(known: readonly string[], seen: Iterable<string>): string[] {
  const extra = new Set<string>();
  for (const id of seen) if (!known.includes(id)) extra.add(id);
  return [...known, ...[...extra].sort()];
}

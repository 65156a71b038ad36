// Accounts that come from outside the workstation's own operators screen (docs/provisioning.md, operators):
// those a policy provides, said again at every start, and the single operator PIN of older versions, which
// becomes the first operator so that nobody is locked out by an update.
import { ROLES } from '../../../common/contract/rights.ts';
import type { ProvidedAccounts } from '../settings/operator-policy.ts';
import { isStrongPinHash } from '../session/pin-hash.ts';
import type { ProvidedOperator } from '../../../common/settings/schema.ts';
import type { OperatorAccounts, OperatorSource } from './accounts.ts';

/** The id the operator of the single-PIN era gets. */
export const LEGACY_OPERATOR_ID = 'operator';

/** Adds or updates the provided accounts; returns problems (a weak hash is refused, never stored). */
export function provideOperators(accounts: OperatorAccounts, provided: ProvidedAccounts): string[] {
  const problems: string[] = [];
  for (const { operator, source } of provided) {
    if (!isStrongPinHash(operator.pinHash)) {
      problems.push(
        `operator ${operator.id} from the ${source} policy was not applied: its pinHash is too weak (make it with \`card-desk operator hash-pin\`)`,
      );
      continue;
    }
    // Added unless it exists (another process may be adding it now); then said again.
    if (accounts.get(operator.id) !== undefined || !added(accounts, operator, source)) {
      accounts.update(operator.id, { name: operator.name, roles: operator.roles, source });
      accounts.provideHash(operator.id, operator.pinHash);
    }
  }
  return problems;
}

/** An older version's operator PIN, with no account yet: it becomes an administrator holding every role. */
export function adoptSinglePin(accounts: OperatorAccounts, pinHash: string | undefined): boolean {
  if (pinHash === undefined || accounts.count() > 0) return false;
  return ignoringExisting(() =>
    accounts.addHashed({
      id: LEGACY_OPERATOR_ID,
      name: 'Operator',
      roles: [...ROLES],
      source: 'workstation',
      secretHash: pinHash,
    }),
  );
}

function added(accounts: OperatorAccounts, operator: ProvidedOperator, source: OperatorSource): boolean {
  return ignoringExisting(() =>
    accounts.addHashed({
      id: operator.id,
      name: operator.name,
      roles: operator.roles,
      source,
      secretHash: operator.pinHash,
      providedHash: operator.pinHash,
    }),
  );
}

/** True when `add` added the account; false when another process had just added it. */
function ignoringExisting(add: () => unknown): boolean {
  try {
    add();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'operator_exists') return false;
    throw error;
  }
}

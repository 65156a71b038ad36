// Accounts that come from outside the workstation's own operators screen (docs/provisioning.md, operators):
// those a policy provides, said again at every start, and the single operator PIN of older versions, which
// becomes the first operator so that nobody is locked out by an update.
import { ROLES } from '../../../common/contract/rights.ts';
import type { ProvidedAccounts } from '../settings/operator-policy.ts';
import { isStrongPinHash } from '../session/pin-hash.ts';
import type { OperatorAccounts } from './accounts.ts';

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
    if (accounts.get(operator.id) === undefined) {
      accounts.addHashed({
        id: operator.id,
        name: operator.name,
        roles: operator.roles,
        source,
        secretHash: operator.pinHash,
        providedHash: operator.pinHash,
      });
    } else {
      accounts.update(operator.id, { name: operator.name, roles: operator.roles, source });
      accounts.provideHash(operator.id, operator.pinHash);
    }
  }
  return problems;
}

/** An older version's operator PIN, with no account yet: it becomes an administrator holding every role. */
export function adoptSinglePin(accounts: OperatorAccounts, pinHash: string | undefined): boolean {
  if (pinHash === undefined || accounts.count() > 0) return false;
  accounts.addHashed({
    id: LEGACY_OPERATOR_ID,
    name: 'Operator',
    roles: [...ROLES],
    source: 'workstation',
    secretHash: pinHash,
  });
  return true;
}

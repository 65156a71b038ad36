// What the policies say about operators (docs/provisioning.md, operators): the accounts they provide, changes
// to the role matrix, and which methods need a second operator's approval. The managed policy wins over the
// provisioned one wherever both speak.
import { DEFAULT_DUAL_CONTROL, type ApprovableMethod, type RoleMatrixPolicy } from '../../../common/contract/rights.ts';
import type { Policy, ProvidedOperator } from '../../../common/settings/schema.ts';

/** Part of the resolved settings, which the renderer sees: never the accounts' hashes. */
export interface OperatorPolicy {
  /** The role matrix's changes: per role, the managed policy's entry, else the provisioned one's. */
  roles: RoleMatrixPolicy;
  dualControl: ApprovableMethod[];
  /** A policy provides operator accounts: there is no first start. */
  providesOperators: boolean;
}

export type ProvidedAccounts = { operator: ProvidedOperator; source: 'managed' | 'provisioned' }[];

export function operatorPolicy(managed: Policy | undefined, provisioned: Policy | undefined): OperatorPolicy {
  return {
    roles: { ...provisioned?.roles, ...managed?.roles },
    dualControl: [...(managed?.dualControl ?? provisioned?.dualControl ?? DEFAULT_DUAL_CONTROL)],
    providesOperators: providedOperators(managed, provisioned).length > 0,
  };
}

/** Accounts a policy provides, each with the policy it came from (the managed one's first, ids once). */
export function providedOperators(managed: Policy | undefined, provisioned: Policy | undefined): ProvidedAccounts {
  const provided: ProvidedAccounts = [];
  const seen = new Set<string>();
  for (const [policy, source] of [
    [managed, 'managed'],
    [provisioned, 'provisioned'],
  ] as const) {
    for (const operator of policy?.operators ?? []) {
      if (seen.has(operator.id)) continue;
      seen.add(operator.id);
      provided.push({ operator, source });
    }
  }
  return provided;
}

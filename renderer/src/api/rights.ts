// What the signed-in operator may do, from the session state's rights: the UI hides the rest (main refuses it
// anyway with permission_denied). A method's right comes from its metadata in the contract, so a screen asks
// "may I call X?" and cannot drift from what main enforces (docs/operator-ui.md, signing in and roles).
import { contract, type ApprovableMethod, type MethodName, type Right } from '../../../common/contract/index.ts';
import { useSession } from './shared-queries.ts';

/** The right a contract method needs. */
export function rightOf(method: MethodName): Right {
  return contract[method].right;
}

export interface Can {
  /** The operator holds this right. */
  right: (right: Right) => boolean;
  /** The operator may call this method. */
  call: (method: MethodName) => boolean;
  /** This method needs a second operator's approval on this workstation. */
  needsApproval: (method: ApprovableMethod) => boolean;
}

export function canWith(rights: readonly Right[], dualControl: readonly string[]): Can {
  const held = new Set<Right>(rights);
  const may = (right: Right): boolean => right === 'open' || held.has(right);
  return {
    right: may,
    call: (method) => may(rightOf(method)),
    needsApproval: (method) => dualControl.includes(method),
  };
}

/** The signed-in operator's rights (nothing while the session is not read yet). */
export function useCan(): Can {
  const session = useSession().data;
  return canWith(session?.rights ?? [], session?.dualControl ?? []);
}

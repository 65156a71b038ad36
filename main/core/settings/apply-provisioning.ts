// A parsed provisioning file applied to the stored profiles and provisioned policy. Pure: the profile book
// stores the result; reading the file is provisioning.ts.
import type { ImportReport } from '../../../common/contract/index.ts';
import { EMBEDDED_PROFILE_ID } from '../../../common/settings/schema.ts';
import type { Policy, Profile, Provisioning } from '../../../common/settings/schema.ts';
import { ProvisioningError } from './provisioning.ts';

export interface ProvisioningState {
  profiles: Profile[];
  provisionedPolicy?: Policy;
}

/**
 * Applies a parsed provisioning file: creates or updates profiles by id (existing order kept, new ones appended,
 * profiles absent from the file kept), never touches the embedded profile, and replaces the provisioned policy
 * when the file has one. Pure: returns new arrays and objects. A file that would touch the embedded profile or
 * repeats an id is refused whole (ProvisioningError), so nothing changes.
 */
export function applyProvisioning(
  current: ProvisioningState,
  incoming: Provisioning,
): ProvisioningState & { report: ImportReport } {
  const embedded = new Set(current.profiles.filter((p) => p.embedded === true).map((p) => p.id));
  embedded.add(EMBEDDED_PROFILE_ID);
  const seen = new Set<string>();
  incoming.profiles.forEach((profile, index) => {
    const field = `profiles[${index}].id`;
    if (embedded.has(profile.id) || profile.embedded === true) {
      throw new ProvisioningError('provisioning', [
        { field, message: `"${profile.id}" is the built-in sandbox profile` },
      ]);
    }
    if (seen.has(profile.id)) {
      throw new ProvisioningError('provisioning', [{ field, message: `duplicate profile id "${profile.id}"` }]);
    }
    seen.add(profile.id);
  });

  const report: ImportReport = { added: [], updated: [], unchanged: [] };
  const byId = new Map(incoming.profiles.map((p) => [p.id, p]));
  const profiles = current.profiles.map((existing): Profile => {
    const next = byId.get(existing.id);
    if (next === undefined) return existing;
    byId.delete(existing.id);
    if (sameProfile(existing, next)) {
      report.unchanged.push(existing.id);
      return existing;
    }
    report.updated.push(existing.id);
    return copyProfile(next);
  });
  for (const profile of byId.values()) {
    report.added.push(profile.id);
    profiles.push(copyProfile(profile));
  }

  let provisionedPolicy = current.provisionedPolicy;
  if (incoming.policy !== undefined) {
    provisionedPolicy = copyPolicy(incoming.policy);
  }
  return { profiles, ...(provisionedPolicy === undefined ? {} : { provisionedPolicy }), report };
}

const PROFILE_KEYS = ['id', 'name', 'region', 'environment', 'baseUrl', 'merchantId', 'scheme'] as const;

function sameProfile(a: Profile, b: Profile): boolean {
  return (
    PROFILE_KEYS.every((key) => a[key] === b[key]) &&
    a.allowedOperations.length === b.allowedOperations.length &&
    a.allowedOperations.every((group, i) => b.allowedOperations[i] === group) &&
    (a.embedded ?? false) === (b.embedded ?? false)
  );
}

/** A copy with exactly the stored fields (never `embedded`: only the app creates the embedded profile). */
function copyProfile(p: Profile): Profile {
  return {
    id: p.id,
    name: p.name,
    region: p.region,
    environment: p.environment,
    baseUrl: p.baseUrl,
    merchantId: p.merchantId,
    scheme: p.scheme,
    allowedOperations: [...p.allowedOperations],
  };
}

function copyPolicy(p: Policy): Policy {
  return {
    ...p,
    locked: [...p.locked],
    ...(p.allowedOperations === undefined ? {} : { allowedOperations: [...p.allowedOperations] }),
  };
}

// What provisioning sets and the operator cannot undo (docs/provisioning.md): a profile that came from a
// provisioning file imported by an administrator (the CLI) or from the managed policy keeps its connection, and an
// import from the operator's side (the contract) never carries a policy.
import type { Profile, Provisioning } from '../../../common/settings/schema.ts';
import { DeskError } from '../errors.ts';

export type ProfileOrigin = NonNullable<Profile['provisionedBy']>;

/**
 * The fields that say where a profile's requests go and as whom: a signature covers the path, not the host, so
 * repointing a provisioned profile would let its signed requests be replayed at the bank.
 */
export const CONNECTION_FIELDS = ['baseUrl', 'merchantId', 'scheme', 'region', 'environment'] as const;
export type ConnectionField = (typeof CONNECTION_FIELDS)[number];

const ORIGIN_NAMES: Record<ProfileOrigin, string> = {
  managed: 'the managed policy',
  provisioned: 'the provisioning file',
};

/** The operator tried to change the connection of a provisioned profile. */
export class ProfileLockedError extends DeskError {
  readonly fields: ConnectionField[];
  readonly lockedBy: ProfileOrigin;
  constructor(profileId: string, fields: ConnectionField[], lockedBy: ProfileOrigin) {
    super('profile_locked', `${fields.join(', ')} of profile "${profileId}" locked by ${ORIGIN_NAMES[lockedBy]}`, {
      profileId,
      fields,
      lockedBy,
    });
    this.name = 'ProfileLockedError';
    this.fields = fields;
    this.lockedBy = lockedBy;
  }
}

/** Throws ProfileLockedError when `next` changes a connection field of a provisioned `existing` profile. */
export function checkConnectionKept(existing: Profile | undefined, next: Omit<Profile, 'embedded'>): void {
  const lockedBy = existing?.provisionedBy;
  if (existing === undefined || lockedBy === undefined) return;
  const changed = CONNECTION_FIELDS.filter((field) => existing[field] !== next[field]);
  if (changed.length > 0) throw new ProfileLockedError(existing.id, changed, lockedBy);
}

/** A file imported from the operator's side sets profiles only: a policy comes from the administrator. */
export function refuseOperatorPolicy(incoming: Provisioning, fileName: string): void {
  if (incoming.policy === undefined) return;
  throw new DeskError(
    'provisioning_policy_refused',
    `${fileName} carries a workstation policy; a policy is set only by the managed policy file or by an ` +
      'administrator with `card-desk profile import`',
    { source: fileName, field: 'policy' },
  );
}

/** The stronger of two origins: the managed policy over a provisioning file over none. */
export function strongerOrigin(a: ProfileOrigin | undefined, b: ProfileOrigin | undefined): ProfileOrigin | undefined {
  if (a === 'managed' || b === 'managed') return 'managed';
  return a ?? b;
}

/** `profile` with `origin` as its provisionedBy (none when undefined). */
export function withOrigin(profile: Profile, origin: ProfileOrigin | undefined): Profile {
  const copy: Profile = { ...profile };
  delete copy.provisionedBy;
  return origin === undefined ? copy : { ...copy, provisionedBy: origin };
}

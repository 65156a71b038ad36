// One contract method: its argument schema and its metadata. Main enforces the metadata (the lock, and in
// the browser preview the sandbox-only guard); tests derive their method lists from it. docs/architecture.md,
// "The contract".
import type { z } from 'zod';
import type { OpId } from '../card-api/catalog/index.ts';
import type { Right } from './rights.ts';

/**
 * What a method touches. The preview's guard and the permission checks are decided per scope, so a new
 * scope must be classified everywhere before it compiles.
 */
export const SCOPES = [
  /** The application itself: version, kiosk. */
  'app',
  /** The operator session: sign-in, lock, switching operator, activity. */
  'session',
  /** Workstation preferences: language, idle lock, kiosk. */
  'settings',
  /** Profiles' settings: list, save, import, switch, remove. */
  'profile.settings',
  /** A profile's merchant secret or PIN key (write-only), and the connection test that uses it. */
  'profile.secret',
  /** Card API reads on the active profile. */
  'cardApi.read',
  /** Card API writes on the active profile (journalled). */
  'cardApi.write',
  /** Card data (PAN, CVV) revealed to the operator: audited first. */
  'card.reveal',
  /** Bulk issuance jobs. */
  'bulk',
  /** The operations journal and the audit trail. */
  'journal',
  /** Operator accounts on this workstation: list, add, disable, reset a PIN. */
  'operators',
  /** The workstation's directory of the clients and cards it created or opened (search, a client's data). */
  'directory',
] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * Which profile a call acts on, so that a guard can place it before it runs:
 * - `none`: no profile (app, session, settings);
 * - `active`: the active profile;
 * - `argument`: `args.profileId`;
 * - `draft`: `args.profile.id` (the profile being saved, with its environment);
 * - `file`: the profiles inside `args.content` (a provisioning file);
 * - `job`: the profile of the bulk job `args.jobId`;
 * - `request`: the profile of the journalled operation `args.requestId`;
 * - `open`: every profile with an open operation;
 * - `listed`: the answer lists records of many profiles (`args.profileId` narrows it when given).
 */
export const TARGETS = ['none', 'active', 'argument', 'draft', 'file', 'job', 'request', 'open', 'listed'] as const;
export type Target = (typeof TARGETS)[number];

/** Scopes whose methods never act on a profile. */
export const PROFILE_FREE_SCOPES = ['app', 'session', 'settings', 'operators'] as const satisfies readonly Scope[];

/** Scopes whose methods call one Card API operation of the catalog (named in `op`). */
export const CARD_API_SCOPES = ['cardApi.read', 'cardApi.write', 'card.reveal'] as const satisfies readonly Scope[];
type CardApiScope = (typeof CARD_API_SCOPES)[number];

export interface MethodMeta {
  readonly scope: Scope;
  readonly target: Target;
  /** The right the signed-in operator's roles must hold (rights.ts); `open` only for methods allowed while locked. */
  readonly right: Right;
  /** The catalog operation a Card API method calls; its access (read/write) must match the scope. */
  readonly op?: OpId;
  /** Allowed while the session is locked (everything else is refused in main). */
  readonly whileLocked: boolean;
}

export interface MethodSpec<A extends z.ZodType = z.ZodType, R = unknown> extends MethodMeta {
  readonly args: A;
  /** Phantom: the result type, for the typed bridge. */
  readonly result?: R;
}

type ProfileFree = (typeof PROFILE_FREE_SCOPES)[number];
type MetaInput = { right: Right } & (
  | { scope: ProfileFree; target?: 'none'; whileLocked?: boolean }
  | { scope: CardApiScope; target: 'active'; op: OpId; whileLocked?: false }
  | { scope: Exclude<Scope, ProfileFree | CardApiScope>; target: Exclude<Target, 'none'>; whileLocked?: boolean }
);

/** `method(args, {scope, target, right}).returns<Result>()`: a profile-touching scope must name its target. */
export function method<A extends z.ZodType>(args: A, meta: MetaInput) {
  return {
    returns: <R>(): MethodSpec<A, R> => ({
      args,
      scope: meta.scope,
      target: meta.target ?? 'none',
      right: meta.right,
      ...('op' in meta ? { op: meta.op } : {}),
      whileLocked: meta.whileLocked ?? false,
    }),
  };
}

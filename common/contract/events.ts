// The typed events main pushes to the renderer, each with its metadata like a method's (method.ts): the scope
// it belongs to and which profile it is about, so that a transport can place an event before it forwards it
// (the browser preview forwards only events of sandbox profiles; docs/architecture.md, "The contract").
import type { BulkProgress } from '../bulk/progress.ts';
import type { EntryState } from '../journal/states.ts';
import { PROFILE_FREE_SCOPES, type Scope, type Target } from './method.ts';

export interface EventPayloads {
  /** An operation of the journal changed state (new, settled, reconciled), announced once by the journal. */
  'requests.changed': { requestId: string; op: string; state: EntryState };
  /** An open operation's next background check moved (null: it is no longer checked: settled, or no client). */
  'requests.checkScheduled': { requestId: string; nextCheckAt: number | null; attempt: number; checking: boolean };
  'session.lockChanged': { locked: boolean; reason: 'operator' | 'idle' | 'os' | 'unlock' };
  'profiles.switched': { profileId: string };
  /** A bulk job moved: counts, rate, time left (at most a few times a second). */
  'bulk.progress': BulkProgress;
}
export type EventName = keyof EventPayloads;

/**
 * Which profile an event is about, read from its payload as a method's target is read from its arguments:
 * `none` (no profile), `argument` (`profileId`), `job` (the bulk job `jobId`), `request` (the journalled
 * operation `requestId`).
 */
export type EventTarget = Extract<Target, 'none' | 'argument' | 'job' | 'request'>;

export interface EventMeta {
  readonly scope: Scope;
  readonly target: EventTarget;
}

type ProfileFree = (typeof PROFILE_FREE_SCOPES)[number];
type EventMetaInput =
  | { scope: ProfileFree; target?: 'none' }
  | { scope: Exclude<Scope, ProfileFree>; target: Exclude<EventTarget, 'none'> };

/** `event({scope, target})`: an event of a profile-touching scope must name its target. */
function event(meta: EventMetaInput): EventMeta {
  return { scope: meta.scope, target: meta.target ?? 'none' };
}

export const EVENTS: { readonly [E in EventName]: EventMeta } = {
  'requests.changed': event({ scope: 'journal', target: 'request' }),
  'requests.checkScheduled': event({ scope: 'journal', target: 'request' }),
  'session.lockChanged': event({ scope: 'session' }),
  'profiles.switched': event({ scope: 'profile.settings', target: 'argument' }),
  'bulk.progress': event({ scope: 'bulk', target: 'job' }),
};
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

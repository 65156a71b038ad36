// The typed events main pushes to the renderer.
import type { BulkProgress } from '../bulk/progress.ts';
import type { EntryState } from '../journal/states.ts';

export interface EventPayloads {
  /** An operation of the journal changed state (new, settled, reconciled), announced once by the journal. */
  'requests.changed': { requestId: string; op: string; state: EntryState };
  'session.lockChanged': { locked: boolean; reason: 'operator' | 'idle' | 'os' | 'unlock' };
  'profiles.switched': { profileId: string };
  /** A bulk job moved: counts, rate, time left (at most a few times a second). */
  'bulk.progress': BulkProgress;
}
export type EventName = keyof EventPayloads;

const EVENTS: Record<EventName, true> = {
  'requests.changed': true,
  'session.lockChanged': true,
  'profiles.switched': true,
  'bulk.progress': true,
};
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

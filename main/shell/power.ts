// Immediate lock on OS lock and suspend (docs/architecture.md, security); the idle lock lives in core's Session.
import type { Log } from './log.ts';
import { describeError } from './log.ts';

export interface PowerMonitorLike {
  on(event: 'lock-screen' | 'suspend', listener: () => void): unknown;
}

export interface LockableSession {
  lock(reason: 'os'): void;
}

export const OS_LOCK_EVENTS = ['lock-screen', 'suspend'] as const;

export function lockOnOsEvents(powerMonitor: PowerMonitorLike, session: LockableSession, log: Log): void {
  for (const event of OS_LOCK_EVENTS) {
    powerMonitor.on(event, () => {
      try {
        session.lock('os');
      } catch (error) {
        log(`could not lock on ${event}: ${describeError(error)}`);
      }
    });
  }
}

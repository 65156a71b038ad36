// A Session on a fake clock: timers fire only when the test advances time; PIN attempts count in memory.
import { memoryAttemptStore, PinAttempts } from '../../main/core/session/pin-attempts.ts';
import { Session, type LockReason } from '../../main/core/session/session.ts';

export function sessionHarness(initialHash?: string, idleMinutes = 5) {
  let hash = initialHash;
  let clock = 0;
  const timers: { fn: () => void; at: number; cleared: boolean }[] = [];
  const changes: [boolean, LockReason][] = [];
  const session = new Session({
    pinHash: () => hash,
    savePinHash: (h) => {
      hash = h;
    },
    idleLockMinutes: () => idleMinutes,
    onLockChanged: (locked, reason) => changes.push([locked, reason]),
    attempts: new PinAttempts(memoryAttemptStore(), () => clock),
    setTimer: (fn, ms) => {
      const timer = { fn, at: clock + ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      (timer as { cleared: boolean }).cleared = true;
    },
  });
  const advance = (ms: number) => {
    clock += ms;
    for (const t of timers) {
      if (!t.cleared && t.at <= clock) {
        t.cleared = true;
        t.fn();
      }
    }
  };
  return { session, changes, advance, storedHash: () => hash };
}

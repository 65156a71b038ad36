// Tells main the operator is active (the idle-lock timer lives in main), at most every 20 seconds.
import { useEffect } from 'react';
import { reportActivity } from '../api/session.ts';

const THROTTLE_MS = 20_000;

export function useActivityReporting(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let last = 0;
    function onActivity(): void {
      const now = Date.now();
      if (now - last < THROTTLE_MS) return;
      last = now;
      reportActivity();
    }
    window.addEventListener('keydown', onActivity, { capture: true });
    window.addEventListener('pointerdown', onActivity, { capture: true });
    return () => {
      window.removeEventListener('keydown', onActivity, { capture: true });
      window.removeEventListener('pointerdown', onActivity, { capture: true });
    };
  }, [enabled]);
}

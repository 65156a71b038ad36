// The time now, renewed every second while `running`: for count-downs on screen. It only re-renders; it never
// calls main.
import { useEffect, useState } from 'react';

export function useNow(running: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => {
      setNow(Date.now());
    }, everyMs);
    return () => {
      clearInterval(timer);
    };
  }, [running, everyMs]);
  return now;
}

// A value that follows another once it has stopped changing for a moment: the Requests screen's text filter
// is looked up in main (a scan of the journal), so it asks once the operator pauses, not on every key.
import { useEffect, useState } from 'react';

export function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettled(value);
    }, delayMs);
    return () => {
      clearTimeout(timer);
    };
  }, [value, delayMs]);
  return settled;
}

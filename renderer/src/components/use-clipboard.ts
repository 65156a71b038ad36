// Copy with expiry: the value goes to the clipboard, and after `clearAfterMs` the clipboard is emptied if it
// still holds that value. Where the clipboard cannot be read back (permission refused), it is emptied anyway:
// a card number must not outlive its 30 seconds there. Unmounting (leaving the screen, locking) clears at once.
import { useCallback, useEffect, useRef } from 'react';

export const CLIPBOARD_CLEAR_MS = 30_000;

export async function clearClipboardIfHolds(value: string, clipboard: Clipboard = navigator.clipboard): Promise<void> {
  let holds = true;
  try {
    holds = (await clipboard.readText()) === value;
  } catch {
    holds = true;
  }
  if (holds) await clipboard.writeText('').catch(() => undefined);
}

export function useExpiringClipboard(clearAfterMs = CLIPBOARD_CLEAR_MS): (value: string) => Promise<boolean> {
  const timers = useRef(new Map<ReturnType<typeof setTimeout>, string>());
  useEffect(() => {
    const pending = timers.current;
    // Leaving the screen (or locking) does not leave the value behind: clear at once instead of later.
    return () => {
      for (const [timer, value] of pending) {
        clearTimeout(timer);
        void clearClipboardIfHolds(value);
      }
      pending.clear();
    };
  }, []);
  return useCallback(
    async (value: string) => {
      try {
        await navigator.clipboard.writeText(value);
      } catch {
        return false;
      }
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        void clearClipboardIfHolds(value);
      }, clearAfterMs);
      timers.current.set(timer, value);
      return true;
    },
    [clearAfterMs],
  );
}

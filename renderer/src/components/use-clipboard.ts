// Copy with expiry. In the desktop app main copies the value and clears it after 30 s if it is still there (it
// alone may read the clipboard). Where main has no clipboard (the browser preview) this page copies it and,
// unable to read it back, empties the clipboard after 30 s: a card number must not outlive its 30 seconds
// there. Unmounting (leaving the screen, locking) empties it at once.
import { useCallback, useEffect, useRef } from 'react';
import { copyThroughMain } from '../api/clipboard.ts';

export const CLIPBOARD_CLEAR_MS = 30_000;

async function emptyClipboard(clipboard: Clipboard = navigator.clipboard): Promise<void> {
  await clipboard.writeText('').catch(() => undefined);
}

export function useExpiringClipboard(clearAfterMs = CLIPBOARD_CLEAR_MS): (value: string) => Promise<boolean> {
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    // Leaving the screen (or locking) does not leave the value behind: clear at once instead of later.
    return () => {
      if (pending.size === 0) return;
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
      void emptyClipboard();
    };
  }, []);
  return useCallback(
    async (value: string) => {
      try {
        if (await copyThroughMain(value)) return true;
        await navigator.clipboard.writeText(value);
      } catch {
        return false;
      }
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        void emptyClipboard();
      }, clearAfterMs);
      timers.current.add(timer);
      return true;
    },
    [clearAfterMs],
  );
}

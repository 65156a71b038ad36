// Whether the sections are shown as an icon-only rail (docs/operator-ui.md, frame and navigation). Kept in
// memory for the run of the app, above the frame, so a lock (which unmounts the frame) does not reset it.
import { useCallback, useEffect, useSyncExternalStore } from 'react';

let collapsed = false;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setSidebarCollapsed(value: boolean): void {
  collapsed = value;
  for (const listener of listeners) listener();
}

/** The shortcut shown in the toggle's tooltip and told to assistive technology. */
export const SIDEBAR_SHORTCUT = 'Ctrl+B';

/** The rail's state, its toggle and the keyboard shortcut (Ctrl+B). */
export function useSidebar(): { collapsed: boolean; toggle: () => void } {
  const value = useSyncExternalStore(subscribe, () => collapsed);
  const toggle = useCallback(() => {
    setSidebarCollapsed(!collapsed);
  }, []);
  useEffect(() => {
    function onKey(event: KeyboardEvent): void {
      if (!event.ctrlKey || event.altKey || event.metaKey || event.shiftKey || event.key.toLowerCase() !== 'b') return;
      event.preventDefault();
      toggle();
    }
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [toggle]);
  return { collapsed: value, toggle };
}

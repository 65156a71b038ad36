// The room a VirtualTable has for rows: its scroller's size less the sticky header's height, which covers the
// rows scrolled under it. Given the whole scroller, TanStack Virtual would count the header's height as room for
// rows: one more row rendered in every frame, and a row the arrow keys bring in from below would be placed
// under the bottom edge (docs/operator-ui.md, "Speed on a small PC").
import { observeElementRect, type Rect, type Virtualizer } from '@tanstack/react-virtual';

export function observeRowsRect(
  header: () => HTMLElement | null,
): (instance: Virtualizer<HTMLDivElement, Element>, onRect: (rect: Rect) => void) => () => void {
  return (instance, onRect) => {
    let scroller: Rect = { width: 0, height: 0 };
    const emit = (): void => {
      onRect({ width: scroller.width, height: Math.max(0, scroller.height - (header()?.offsetHeight ?? 0)) });
    };
    const stop = observeElementRect(instance, (rect) => {
      scroller = rect;
      emit();
    });
    // The header's height changes on its own too: column titles that wrap in another language.
    const head = header();
    const observer = head === null || typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(emit);
    if (head !== null) observer?.observe(head);
    return () => {
      stop?.();
      observer?.disconnect();
    };
  };
}

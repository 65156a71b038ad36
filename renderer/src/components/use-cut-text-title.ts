// The whole text of a table cell as its tooltip, only while the pointer is on it and only when the cell cuts it
// short (an ellipsis). A title on every cell would be set again for every row of every scrolled frame
// (docs/operator-ui.md, "Speed on a small PC"); this costs nothing until the pointer rests on a cell.
import { useRef, type MouseEvent } from 'react';

export interface CutTextTitle {
  onMouseOver: (event: MouseEvent) => void;
  onMouseOut: (event: MouseEvent) => void;
  /** Rows are reused for other data while scrolling: the cell under the pointer may now show another text. */
  onScroll: () => void;
}

const cellOf = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? target.closest('td') : null;

const isCut = (element: HTMLElement): boolean => element.scrollWidth > element.clientWidth;

export function useCutTextTitle(): CutTextTitle {
  const titled = useRef<HTMLElement | null>(null);
  const clear = (): void => {
    titled.current?.removeAttribute('title');
    titled.current = null;
  };
  return {
    onMouseOver: (event) => {
      const cell = cellOf(event.target);
      if (cell === null || cell === titled.current) return;
      clear();
      // A cell's text is cut by the cell, or by its one element that cuts its own text (a status pill).
      const inner = cell.firstElementChild;
      if (!isCut(cell) && !(inner instanceof HTMLElement && isCut(inner))) return;
      cell.title = cell.textContent;
      titled.current = cell;
    },
    onMouseOut: (event) => {
      const cell = cellOf(event.target);
      if (cell !== null && cell === titled.current && !cell.contains(event.relatedTarget as Node | null)) clear();
    },
    onScroll: () => {
      if (titled.current !== null) clear();
    },
  };
}

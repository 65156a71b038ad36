// A table that stays responsive with 100,000 rows. TanStack Virtual decides which rows are in view, and only
// those are rendered, each from the columns (VirtualRow.tsx); TanStack Table gives the headers and the columns
// and builds no row model. Filtering scans a lower-cased text per row, built once per data set.
// Scrolling is kept cheap (docs/operator-ui.md, "Speed on a small PC"): the table elements are laid out as CSS
// grids, not as an HTML table, so a frame lays out only the rows that changed (each row has a fixed height and
// is contained, `contain: strict`), and the column widths are one CSS variable on the table, not a style per
// cell. Rows are keyed by their place in the window: scrolling changes the cells' text and the height of the
// spacer above the rows, never a row's own style or place among its siblings (in Chromium either makes every
// cell of the row be styled again, which cost more than the rest of the frame). One listener on the body serves
// every row's clicks and keys.
// Rows are real <tr> with aria-rowindex, so screen readers know the full size; arrows move between rows. A paged
// list (api/paged.ts) is told when the window nears the last row read, and reads its next page.
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type ReactElement,
} from 'react';
import { observeRowsRect } from './rows-rect.ts';
import { useCutTextTitle } from './use-cut-text-title.ts';
import { VirtualRow } from './VirtualRow.tsx';
import './virtual-table.css';

export interface VirtualTableProps<T> {
  /** Accessible name of the table. */
  label: string;
  columns: ColumnDef<T, never>[];
  rows: readonly T[];
  /** The text a row is found by; lower-cased once per `rows`. */
  searchText?: (row: T) => string;
  filter?: string;
  onOpen?: (row: T) => void;
  height?: number;
  rowHeight?: number;
  testId?: string;
  /** Shown when there are no rows at all (not merely none matching). */
  empty?: string;
  noMatches?: string;
  /** A paged list: called whenever the window comes near the last row read, to read the next page. */
  onNearEnd?: () => void;
  /** A further page is being read (announced below the table). */
  loadingMore?: string | undefined;
}

// Rows rendered beyond the visible ones: none. Every row rendered costs each scrolled frame its layout and paint,
// and an arrow key scrolls the next row in (rendering it) before focusing it.
const OVERSCAN = 0;
/** How close to the last row read (in rows) the next page is asked for: a screenful ahead of the operator. */
const NEAR_END = 30;

export function useFilteredRows<T>(rows: readonly T[], searchText?: (row: T) => string, filter = ''): readonly T[] {
  const needle = filter.trim().toLowerCase();
  // Built with the rows (first render has room to spare), so that typing a filter only scans.
  const index = useMemo(
    () => (searchText === undefined ? undefined : rows.map((row) => searchText(row).toLowerCase())),
    [rows, searchText],
  );
  return useMemo(() => {
    if (needle === '' || index === undefined) return rows;
    const out: T[] = [];
    for (let i = 0; i < rows.length; i++) if (index[i]?.includes(needle)) out.push(rows[i] as T);
    return out;
  }, [rows, index, needle]);
}

const NO_ROWS: never[] = [];

const narrowest = (size: number): number => Math.round(size * 0.75);

/** The row a click or key press inside the body belongs to (one listener on the body for every row). */
function rowIndexOf(target: EventTarget): number | undefined {
  const tr = target instanceof Element ? target.closest('tr.vtable-row') : null;
  const index = Number(tr?.getAttribute('aria-rowindex')) - 2;
  return tr === null || !Number.isInteger(index) || index < 0 ? undefined : index;
}

export function VirtualTable<T>({
  label,
  columns,
  rows,
  searchText,
  filter = '',
  onOpen,
  height = 480,
  rowHeight = 36,
  testId,
  empty,
  noMatches,
  onNearEnd,
  loadingMore,
}: VirtualTableProps<T>): ReactElement {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [observeRect] = useState(() => observeRowsRect(() => headRef.current));
  const cutText = useCutTextTitle();
  const filtered = useFilteredRows(rows, searchText, filter);
  // TanStack Virtual keeps a mutable instance, which React's compiler would not memoize; Card Desk does not run
  // the compiler, and the slice below is memoized by hand.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: filtered.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    observeElementRect: observeRect,
    // Before the first layout (and in a hidden tab) still render the first screenful.
    initialRect: { width: 0, height },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  // Also when the rows read so far do not fill the window (a filter matched few of them).
  const nearEnd = last >= filtered.length - NEAR_END;
  useEffect(() => {
    if (nearEnd) onNearEnd?.();
  }, [nearEnd, onNearEnd, filtered.length]);
  const slice = useMemo(() => filtered.slice(first, first + items.length), [filtered, first, items.length]);
  // TanStack Table gives the headers and the columns; the body rows render from the columns (VirtualRow.tsx).
  const table = useReactTable<T>({
    data: NO_ROWS,
    columns: columns as ColumnDef<T>[],
    getCoreRowModel: getCoreRowModel(),
  });
  // Memoized by TanStack on the columns: the same array while they stay.
  const leaves = table.getAllLeafColumns();
  // The columns share the width in proportion to their sizes; short of room, they narrow to three quarters of
  // their size (a column that must stay whole, `meta.keep`, not at all) before the table scrolls sideways.
  const widths = leaves.map((column) => {
    const size = column.getSize();
    return { size, least: column.columnDef.meta?.keep === true ? size : narrowest(size) };
  });
  const gridStyle = {
    '--vtable-columns': widths.map(({ size, least }) => `minmax(${String(least)}px, ${String(size)}fr)`).join(' '),
    '--vtable-row-height': `${String(rowHeight)}px`,
    minWidth: widths.reduce((sum, { least }) => sum + least, 0),
  } as CSSProperties;
  const before = items[0]?.start ?? 0;

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>): void {
    const index = rowIndexOf(event.target);
    const row = index === undefined ? undefined : filtered[index];
    if (index === undefined || row === undefined) return;
    if ((event.key === 'Enter' || event.key === ' ') && onOpen) {
      event.preventDefault();
      onOpen(row);
      return;
    }
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = Math.min(filtered.length - 1, Math.max(0, index + step));
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`[aria-rowindex="${String(next + 2)}"]`)?.focus();
    });
  }

  function onClick(event: MouseEvent<HTMLTableSectionElement>): void {
    const index = rowIndexOf(event.target);
    const row = index === undefined ? undefined : filtered[index];
    if (row !== undefined) onOpen?.(row);
  }

  return (
    <div className="vtable" data-testid={testId}>
      <div ref={scrollRef} className="vtable-scroll" style={{ height }} tabIndex={-1} onScroll={cutText.onScroll}>
        <table aria-label={label} aria-rowcount={filtered.length + 1} className="vtable-table" style={gridStyle}>
          <thead ref={headRef}>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1}>
                {group.headers.map((header) => (
                  <th key={header.id} scope="col">
                    {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody
            onKeyDown={onKeyDown}
            onClick={onOpen ? onClick : undefined}
            onMouseOver={cutText.onMouseOver}
            onMouseOut={cutText.onMouseOut}
            style={{ height: virtualizer.getTotalSize() }}
          >
            <tr aria-hidden="true" className="vtable-spacer" style={{ height: before }}>
              <td />
            </tr>
            {slice.map((row, i) => (
              <VirtualRow
                key={i}
                row={row}
                index={first + i}
                leaves={leaves}
                columns={columns}
                table={table}
                tabbable={onOpen !== undefined || i === 0}
                openable={onOpen !== undefined}
              />
            ))}
          </tbody>
        </table>
        {filtered.length === 0 && loadingMore === undefined && (
          <p className="vtable-empty" role="status">
            {rows.length === 0 ? empty : noMatches}
          </p>
        )}
        {loadingMore !== undefined && (
          <p className="vtable-more" role="status" data-testid={testId === undefined ? undefined : `${testId}-more`}>
            {loadingMore}
          </p>
        )}
      </div>
    </div>
  );
}

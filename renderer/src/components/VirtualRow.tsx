// One body row of VirtualTable, keyed by its place in the window. It is memoized on what it shows (the row's data,
// its place, the columns): a render of the table that does not change the window (a page read, a timer) renders
// no row again (docs/operator-ui.md, "Speed on a small PC").
// Body cells are rendered from the columns directly, not through TanStack's row model: a scrolled frame shows a
// new window of rows, and building TanStack rows and cells for it (every feature's methods on each cell) cost
// more than rendering the cells. A cell renderer is given its value (`getValue`, `renderValue`), the row's data
// (`row.original`, `row.index`), the column and the table: what the app's columns use.
import { flexRender, type CellContext, type Column, type RowData, type Table } from '@tanstack/react-table';
import { memo, type ReactElement } from 'react';

declare module '@tanstack/react-table' {
  // The class of a column's body cells: a cell can then be its text alone, with no element of its own inside
  // the <td> (fewer elements to render, style and lay out in each scrolled frame).
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    className?: string;
    /** Never narrower than its size: what an operator reads whole (a card's mask, an amount). */
    keep?: boolean;
  }
}

export interface VirtualRowProps<T> {
  /** The row's data. */
  row: T;
  /** Index of the row in the (filtered) list. */
  index: number;
  /** The table's leaf columns. */
  leaves: Column<T>[];
  /** The columns' definitions: compared, so that new ones (another language) render every row again. */
  columns: unknown;
  table: Table<T>;
  tabbable: boolean;
  openable: boolean;
}

function cellContext<T>(table: Table<T>, column: Column<T>, original: T, index: number): CellContext<T, unknown> {
  const getValue = (): unknown => column.accessorFn?.(original, index);
  const context = {
    table,
    column,
    row: { original, index, id: String(index) },
    getValue,
    renderValue: (): unknown => getValue() ?? table.options.renderFallbackValue,
  };
  // The subset of TanStack's context that a body cell is given (see above).
  return context as unknown as CellContext<T, unknown>;
}

function VirtualRowView<T>({ row, index, leaves, table, tabbable, openable }: VirtualRowProps<T>): ReactElement {
  return (
    <tr
      aria-rowindex={index + 2}
      tabIndex={tabbable ? 0 : -1}
      className={openable ? 'vtable-row vtable-row-open' : 'vtable-row'}
    >
      {leaves.map((column) => (
        <td key={column.id} className={column.columnDef.meta?.className}>
          {flexRender(column.columnDef.cell, cellContext(table, column, row, index))}
        </td>
      ))}
    </tr>
  );
}

function sameRow<T>(a: VirtualRowProps<T>, b: VirtualRowProps<T>): boolean {
  return (
    a.row === b.row &&
    a.index === b.index &&
    a.leaves === b.leaves &&
    a.columns === b.columns &&
    a.tabbable === b.tabbable &&
    a.openable === b.openable
  );
}

export const VirtualRow = memo(VirtualRowView, sameRow) as <T>(props: VirtualRowProps<T>) => ReactElement;

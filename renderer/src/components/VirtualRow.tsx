// One body row of VirtualTable, keyed by its place in the window. It is memoized on what it shows (the row's data,
// its place, the columns): a render of the table that does not change the window (a page read, a timer) renders
// no row again (docs/operator-ui.md, "Speed on a small PC").
import { flexRender, type Row, type RowData } from '@tanstack/react-table';
import { memo, type ReactElement } from 'react';

declare module '@tanstack/react-table' {
  // The class of a column's body cells: a cell can then be its text alone, with no element of its own inside
  // the <td> (fewer elements to render, style and lay out in each scrolled frame).
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    className?: string;
  }
}

export interface VirtualRowProps<T> {
  row: Row<T>;
  /** Index of the row in the (filtered) list. */
  index: number;
  /** The table's columns: compared, so that new columns (another language) render every row again. */
  columns: unknown;
  tabbable: boolean;
  openable: boolean;
}

function VirtualRowView<T>({ row, index, tabbable, openable }: VirtualRowProps<T>): ReactElement {
  return (
    <tr
      aria-rowindex={index + 2}
      tabIndex={tabbable ? 0 : -1}
      className={openable ? 'vtable-row vtable-row-open' : 'vtable-row'}
    >
      {row.getVisibleCells().map((cell) => (
        <td key={cell.column.id} className={cell.column.columnDef.meta?.className}>
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );
}

// TanStack builds new Row objects on every render of the table; what a row shows depends only on its data and
// the columns, so those are what is compared.
function sameRow<T>(a: VirtualRowProps<T>, b: VirtualRowProps<T>): boolean {
  return (
    a.row.original === b.row.original &&
    a.index === b.index &&
    a.columns === b.columns &&
    a.tabbable === b.tabbable &&
    a.openable === b.openable
  );
}

export const VirtualRow = memo(VirtualRowView, sameRow) as <T>(props: VirtualRowProps<T>) => ReactElement;

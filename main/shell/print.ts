// The desktop's printer for core (docs/operator-ui.md, "Printing"): the main window's printable view through
// Electron's print dialog, or as PDF bytes. The page's print stylesheet decides what is printed; the paper
// size here matches its @page size, for printers that ignore it.
import type { WebContents } from 'electron';
import type { PrintLayout } from '../../common/contract/index.ts';
import type { Printer } from '../core/services/print-handlers.ts';

/** Paper per layout: print() takes microns, printToPDF() takes inches. An 80 mm roll is printed A4-tall. */
const MICRONS: Record<PrintLayout, 'A4' | { width: number; height: number }> = {
  a4: 'A4',
  receipt: { width: 80_000, height: 297_000 },
};
const INCHES: Record<PrintLayout, 'A4' | { width: number; height: number }> = {
  a4: 'A4',
  receipt: { width: 80 / 25.4, height: 297 / 25.4 },
};

/** `contents()` is the main window's, asked at each call: undefined once the window is gone. */
export function electronPrinter(contents: () => WebContents | undefined): Printer {
  const target = (): WebContents => {
    const found = contents();
    if (found === undefined || found.isDestroyed()) throw new Error('no window to print');
    return found;
  };
  return {
    page: (layout) =>
      new Promise<void>((resolve, reject) => {
        target().print({ silent: false, printBackground: true, pageSize: MICRONS[layout] }, (success, reason) => {
          // Cancelled by the operator is not a failure.
          if (success || reason === 'cancelled') resolve();
          else reject(new Error(`printing failed: ${reason}`));
        });
      }),
    pdf: async (layout) => {
      const bytes = await target().printToPDF({
        pageSize: INCHES[layout],
        printBackground: true,
        preferCSSPageSize: true,
      });
      return new Uint8Array(bytes);
    },
  };
}

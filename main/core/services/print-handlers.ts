// Printing is the shell's: core only hands the call to the printer the shell gave it. Without one (the preview,
// the CLI, tests) the answer is `handled: false` and the page prints itself. docs/operator-ui.md, "Printing".
import type { ParsedArgsOf, PrintLayout, ResultOfMethod } from '../../../common/contract/index.ts';

/** What the shell does with the window's printable view. */
export interface Printer {
  /** The system print dialog, at the layout's paper size. */
  page(layout: PrintLayout): Promise<void>;
  /** The printable view as PDF bytes. */
  pdf(layout: PrintLayout): Promise<Uint8Array>;
}

type PrintMethod = 'print.page' | 'print.pdf';
type PrintHandlers = { [M in PrintMethod]: (args: ParsedArgsOf<M>) => Promise<ResultOfMethod<M>> };

export function printHandlers(printer: Printer | undefined): PrintHandlers {
  return {
    'print.page': async ({ layout }) => {
      if (printer === undefined) return { handled: false };
      await printer.page(layout);
      return { handled: true };
    },
    'print.pdf': async ({ layout }) => {
      if (printer === undefined) return { handled: false };
      const bytes = await printer.pdf(layout);
      return { handled: true, pdf: Buffer.from(bytes).toString('base64') };
    },
  };
}

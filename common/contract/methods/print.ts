// Printing the page the operator is looking at (a confirmation or a statement): only the desktop shell prints
// through Electron; elsewhere `handled` is false and the page prints itself (the browser preview).
// docs/operator-ui.md, "Printing".
import { z } from 'zod';
import { method } from '../method.ts';

/** A4 sheet, or an 80 mm receipt roll. */
export const PRINT_LAYOUTS = ['a4', 'receipt'] as const;
export type PrintLayout = (typeof PRINT_LAYOUTS)[number];

const layoutArgs = z.strictObject({ layout: z.enum(PRINT_LAYOUTS) });

export const printMethods = {
  /** Opens the system print dialog for the window's printable view. */
  'print.page': method(layoutArgs, { scope: 'app', right: 'signedIn' }).returns<{ handled: boolean }>(),
  /** The window's printable view as a PDF file's bytes (base64), for the operator to save. */
  'print.pdf': method(layoutArgs, { scope: 'app', right: 'signedIn' }).returns<
    { handled: false } | { handled: true; pdf: string }
  >(),
} as const;

// Printing the page's printable view (docs/operator-ui.md, "Printing"): main prints it where it can (the
// desktop app, through Electron); otherwise (`handled: false`, the browser preview) the browser prints it.
import type { PrintLayout } from '../../../common/contract/index.ts';
import { cardDesk } from './bridge.ts';

export async function printPage(layout: PrintLayout): Promise<void> {
  if (!(await cardDesk().print.page({ layout })).handled) window.print();
}

/** The printable view as a PDF file's bytes made by main, or undefined where main makes none (the preview). */
export async function pdfOfPage(layout: PrintLayout): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const answer = await cardDesk().print.pdf({ layout });
  return answer.handled ? Uint8Array.from(atob(answer.pdf), (c) => c.charCodeAt(0)) : undefined;
}

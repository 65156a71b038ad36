// Printing the page's printable view (docs/operator-ui.md, "Printing"): main prints it where it can (the
// desktop app, through Electron); otherwise (`handled: false`, the browser preview) the browser prints it.
import type { PrintLayout } from '../../../common/contract/index.ts';
import { cardDesk } from './bridge.ts';

export async function printPage(layout: PrintLayout): Promise<void> {
  if (!(await cardDesk().print.page({ layout })).handled) window.print();
}

/** A PDF file of the printable view: made by main and saved through the download, or the browser's print
 * dialog (where the operator chooses "Save as PDF"). */
export async function savePdf(layout: PrintLayout, fileName: string): Promise<void> {
  const answer = await cardDesk().print.pdf({ layout });
  if (!answer.handled) {
    window.print();
    return;
  }
  const bytes = Uint8Array.from(atob(answer.pdf), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1_000);
}

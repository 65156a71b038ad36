// Printing is the shell's: with a printer the call reaches it at the chosen layout; without one (the preview,
// the CLI) the renderer is told to print the page itself.
import { describe, expect, it } from 'vitest';
import type { PrintLayout } from '../../../common/contract/index.ts';
import { printHandlers, type Printer } from '../../../main/core/services/print-handlers.ts';

describe('print handlers', () => {
  it('answers handled: false where no printer is given', async () => {
    const handlers = printHandlers(undefined);
    await expect(handlers['print.page']({ layout: 'a4' })).resolves.toEqual({ handled: false });
    await expect(handlers['print.pdf']({ layout: 'receipt' })).resolves.toEqual({ handled: false });
  });

  it('hands the layout to the shell and answers the PDF as base64', async () => {
    const seen: string[] = [];
    const printer: Printer = {
      page: (layout: PrintLayout) => {
        seen.push(`page:${layout}`);
        return Promise.resolve();
      },
      pdf: (layout: PrintLayout) => {
        seen.push(`pdf:${layout}`);
        return Promise.resolve(new TextEncoder().encode('%PDF-1.7'));
      },
    };
    const handlers = printHandlers(printer);
    await expect(handlers['print.page']({ layout: 'receipt' })).resolves.toEqual({ handled: true });
    const pdf = await handlers['print.pdf']({ layout: 'a4' });
    expect(pdf.handled && Buffer.from(pdf.pdf, 'base64').toString()).toBe('%PDF-1.7');
    expect(seen).toEqual(['page:receipt', 'pdf:a4']);
  });
});

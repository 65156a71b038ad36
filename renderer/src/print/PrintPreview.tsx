// The dialog before printing: the document as it will come out, the layout (A4 or an 80 mm receipt) and the
// button that prints it or saves it as PDF. While it is open, the document is also in the page's print root,
// the only thing the print stylesheet lets through (print.css). Scroll locking is off: Mantine's injects a
// <style> element, which the CSP refuses.
import { Button, Group, Modal, SegmentedControl, Stack } from '@mantine/core';
import { useEffect, useState, type ReactElement } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { PrintLayout } from '../../../common/contract/index.ts';
import { pdfOfPage, printPage } from '../api/print.ts';
import { PRIMARY } from '../components/colors.ts';
import { downloadParts } from '../components/download.ts';
import { ErrorNotice } from '../components/Notice.tsx';
import { fitReceipt } from './receipt-length.ts';
import './print.css';

/** Main's PDF through the one download path; in the preview, the browser's print dialog ("Save as PDF"). */
async function savePdf(layout: PrintLayout, fileName: string): Promise<void> {
  const pdf = await pdfOfPage(layout);
  if (pdf === undefined) window.print();
  else downloadParts(fileName, [pdf], 'application/pdf');
}

export function PrintPreview({
  opened,
  onClose,
  title,
  layouts,
  pdfFileName,
  render,
  testId,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  layouts: readonly PrintLayout[];
  /** Saved as a PDF file of this name, instead of printed. */
  pdfFileName?: string;
  render: (layout: PrintLayout) => ReactElement;
  testId: string;
}): ReactElement {
  const { t } = useTranslation('common');
  const [layout, setLayout] = useState<PrintLayout>(layouts[0] ?? 'a4');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sheet, setSheet] = useState<HTMLDivElement | null>(null);
  // A receipt is as long as it is: follow the preview's copy as it renders (a mask read late, a longer name).
  useEffect(() => {
    const doc = sheet?.firstElementChild;
    if (!opened || layout !== 'receipt' || !(doc instanceof HTMLElement)) return undefined;
    const observer = new ResizeObserver(() => {
      fitReceipt(doc);
    });
    observer.observe(doc);
    fitReceipt(doc);
    return () => {
      observer.disconnect();
      fitReceipt(null);
    };
  }, [opened, layout, sheet]);
  const run = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      if (pdfFileName === undefined) await printPage(layout);
      else await savePdf(layout, pdfFileName);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="xl"
      centered
      trapFocus
      returnFocus
      lockScroll={false}
      closeButtonProps={{ 'aria-label': t('action.close') }}
      data-testid={testId}
    >
      {opened && createPortal(<div className="print-root">{render(layout)}</div>, document.body)}
      <Stack gap="sm">
        {layouts.length > 1 && (
          <SegmentedControl
            aria-label={t('print.layout')}
            value={layout}
            onChange={(value) => {
              setLayout(value === 'receipt' ? 'receipt' : 'a4');
            }}
            data={layouts.map((value) => ({ value, label: t(`print.layouts.${value}`) }))}
            data-testid={`${testId}-layout`}
          />
        )}
        <div
          ref={setSheet}
          className={`print-sheet print-sheet-${layout}`}
          aria-label={t('print.preview')}
          role="region"
        >
          {render(layout)}
        </div>
        {error !== null && <ErrorNotice error={error} testId={`${testId}-error`} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('action.close')}
          </Button>
          <Button color={PRIMARY} loading={busy} onClick={() => void run()} data-testid={`${testId}-go`}>
            {pdfFileName === undefined ? t('print.print') : t('print.savePdf')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

// The identity document (docs/card-api.md, payment-card catalog): a PDF of at most 2 MB, sent as base64. Size and the `%PDF-` signature are
// checked before anything is encoded, so a wrong or huge file is refused at once and never read whole.
import { MAX_DOCUMENT_BYTES } from '../../../../../common/contract/index.ts';

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export type DocumentRead = { ok: true; base64: string } | { ok: false; problem: 'tooLarge' | 'notPdf' | 'unreadable' };

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error('unreadable'));
    };
    reader.readAsDataURL(file);
  });
}

export async function readPdfDocument(file: File): Promise<DocumentRead> {
  if (file.size > MAX_DOCUMENT_BYTES) return { ok: false, problem: 'tooLarge' };
  try {
    const head = new Uint8Array(await file.slice(0, PDF_MAGIC.length).arrayBuffer());
    if (head.length < PDF_MAGIC.length || PDF_MAGIC.some((byte, i) => head[i] !== byte)) {
      return { ok: false, problem: 'notPdf' };
    }
    const dataUrl = await readAsDataUrl(file);
    // "data:application/pdf;base64,JVBERi0…": the API takes the base64 alone.
    const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
    return base64 === '' ? { ok: false, problem: 'unreadable' } : { ok: true, base64 };
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
}

/** 12 345 bytes → "12.1 KB" in the operator's locale. */
export function formatFileSize(bytes: number, locale: string): string {
  const megabytes = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: 2,
    // Up, never down: a file just over the limit must not read as "2 MB".
    roundingMode: 'ceil',
  }).format(megabytes ? bytes / (1024 * 1024) : bytes / 1024);
}

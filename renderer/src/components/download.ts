// The one way a file leaves the renderer: the browser's download (Electron shows its save dialog, the preview
// downloads it). Card Desk saves CSV (exports made here, components/csv.ts, and files main produced: bulk
// templates and result files, saved as they came) and a statement's PDF made by main (print/).
export function downloadText(fileName: string, content: string): void {
  downloadParts(fileName, [content]);
}

/**
 * A file made of parts, e.g. one per page of an export: each part can be a Blob already, so the text of a page
 * need not stay in the renderer's memory once written into it (docs/architecture.md, CSV export).
 */
export function downloadParts(fileName: string, parts: BlobPart[], type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1_000);
}

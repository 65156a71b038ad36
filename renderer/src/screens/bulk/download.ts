// Saves a text file main produced (a template, a result file) through the browser's download, as
// components/csv.ts does: the content is already CSV, so it is saved as it came, not re-encoded.
export function downloadText(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1_000);
}

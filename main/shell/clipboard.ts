// The system clipboard for copied card data. Electron cannot put text and Windows' exclusion formats on the
// clipboard in one write (each writeBuffer call empties it), so on Windows a PowerShell child writes one data
// object holding the text and the formats that keep it out of clipboard history and cloud sync. The value
// travels on the child's standard input, never on its command line.
import { spawn } from 'node:child_process';
import { clipboard } from 'electron';
import type { ClipboardBackend } from '../core/clipboard/secret-clipboard.ts';

/** Read from standard input; DWORD 0 for "may not go to history / the cloud", any data for "exclude". */
export const WINDOWS_SCRIPT = [
  'Add-Type -AssemblyName System.Windows.Forms',
  '$text = [Console]::In.ReadToEnd()',
  '$data = New-Object System.Windows.Forms.DataObject',
  '$data.SetData([System.Windows.Forms.DataFormats]::UnicodeText, $text)',
  "$data.SetData('CanIncludeInClipboardHistory', (New-Object System.IO.MemoryStream(,[byte[]](0,0,0,0))))",
  "$data.SetData('CanUploadToCloudClipboard', (New-Object System.IO.MemoryStream(,[byte[]](0,0,0,0))))",
  "$data.SetData('ExcludeClipboardContentFromMonitorProcessing', (New-Object System.IO.MemoryStream(,[byte[]](0))))",
  '[System.Windows.Forms.Clipboard]::SetDataObject($data, $true)',
].join('; ');

export type Spawner = typeof spawn;

export function writeOnWindows(text: string, run: Spawner = spawn): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = run('powershell.exe', ['-NoProfile', '-NonInteractive', '-STA', '-Command', WINDOWS_SCRIPT], {
      stdio: ['pipe', 'ignore', 'ignore'],
      windowsHide: true,
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`the clipboard helper exited with ${String(code)}`));
    });
    child.stdin.end(text, 'utf8');
  });
}

export function electronClipboard(platform: NodeJS.Platform = process.platform): ClipboardBackend {
  return {
    writeSensitive: (text) => {
      if (platform === 'win32') return writeOnWindows(text);
      return clipboard.writeText(text);
    },
    readText: () => clipboard.readText(),
    clear: () => {
      clipboard.clear();
    },
  };
}

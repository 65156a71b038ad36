// Attacks on copied card data: a page of ours (or script injected into it) reading the clipboard, a card
// number left on the clipboard past its 30 s or after a lock, and the value showing up where other processes
// can see it (the command line of the Windows helper). Electron is mocked; the logic is main's own.
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { SecretClipboard, type ClipboardBackend } from '../../../main/core/clipboard/secret-clipboard.ts';
import { WINDOWS_SCRIPT, writeOnWindows, type Spawner } from '../../../main/shell/clipboard.ts';
import { isAllowedPermission } from '../../../main/shell/guards.ts';
import { attack } from '../../support/attack.ts';

vi.mock('electron', () => ({ clipboard: {} }));

const PAN = '4400 1234 5678 9010';

function fakeClipboard() {
  let content = '';
  const backend: ClipboardBackend = {
    writeSensitive: (text) => {
      content = text;
      return Promise.resolve();
    },
    readText: () => Promise.resolve(content),
    clear: () => {
      content = '';
    },
  };
  const timers: { fn: () => void; cleared: boolean }[] = [];
  const clip = new SecretClipboard(backend, {
    timers: {
      set: (fn) => {
        const timer = { fn, cleared: false };
        timers.push(timer);
        return timer;
      },
      clear: (timer) => {
        (timer as { cleared: boolean }).cleared = true;
      },
    },
  });
  const elapse = async () => {
    for (const t of timers.splice(0)) if (!t.cleared) t.fn();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { clip, elapse, content: () => content, typed: (text: string) => void backend.writeSensitive(text) };
}

describe('copied card data', () => {
  it('our own page cannot read the clipboard', () =>
    attack('a renderer page reading the clipboard', () => {
      expect(isAllowedPermission('clipboard-read', 'app://card-desk/index.html')).toBe(false);
      expect(isAllowedPermission('clipboard-sanitized-write', 'app://card-desk/index.html')).toBe(true);
    }));

  it('leaves the clipboard after 30 s, and at once on lock', () =>
    attack('a copied card number outliving its 30 s or a lock', async () => {
      const timed = fakeClipboard();
      await timed.clip.copy(PAN);
      expect(timed.content()).toBe(PAN);
      await timed.elapse();
      expect(timed.content()).toBe('');

      const locked = fakeClipboard();
      await locked.clip.copy(PAN);
      locked.clip.clearNow();
      await new Promise((resolve) => setImmediate(resolve));
      expect(locked.content()).toBe('');
    }));

  it('leaves alone what the operator copied since', async () => {
    const { clip, elapse, content, typed } = fakeClipboard();
    await clip.copy(PAN);
    typed('a note of the operator');
    await elapse();
    expect(content()).toBe('a note of the operator');
  });

  it('on Windows, travels on the helper’s standard input with the history and cloud exclusions', () =>
    attack('a copied card number on a process command line or in Windows clipboard history', async () => {
      const seen: { args: string[]; stdin: string } = { args: [], stdin: '' };
      const spawner = ((command: string, args: string[]) => {
        seen.args = [command, ...args];
        const child = Object.assign(new EventEmitter(), { stdin: new PassThrough() });
        child.stdin.on('data', (chunk: Buffer) => (seen.stdin += chunk.toString('utf8')));
        child.stdin.on('finish', () => child.emit('exit', 0));
        return child;
      }) as unknown as Spawner;
      await writeOnWindows(PAN, spawner);
      expect(seen.stdin).toBe(PAN);
      expect(seen.args.join(' ')).not.toContain('4400');
      for (const format of [
        'CanIncludeInClipboardHistory',
        'CanUploadToCloudClipboard',
        'ExcludeClipboardContentFromMonitorProcessing',
      ])
        expect(WINDOWS_SCRIPT).toContain(format);
    }));
});

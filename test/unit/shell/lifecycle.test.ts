// Single instance, no error dialogs, immediate lock on OS lock/suspend, kiosk, redacted logging.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { applyKiosk, type KioskWindow } from '../../../main/shell/kiosk.ts';
import { claimSingleInstance, installCrashHandlers, type FocusableWindow } from '../../../main/shell/lifecycle.ts';
import { Redactor } from '../../../main/core/log/redact.ts';
import { createLog, describeError } from '../../../main/shell/log.ts';
import { lockOnOsEvents } from '../../../main/shell/power.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { FakeEmitter, preventable } from './fakes.ts';

describe('single instance', () => {
  it('a second instance quits without doing anything else', () => {
    const app = Object.assign(new FakeEmitter(), { requestSingleInstanceLock: () => false, quit: vi.fn() });
    expect(claimSingleInstance(app, () => undefined)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.events()).toEqual([]);
  });

  it('the first instance brings its window forward when a second launch is attempted', () => {
    const app = Object.assign(new FakeEmitter(), { requestSingleInstanceLock: () => true, quit: vi.fn() });
    const restore = vi.fn();
    const focus = vi.fn();
    const win: FocusableWindow = { isDestroyed: () => false, isMinimized: () => true, restore, show: vi.fn(), focus };
    expect(claimSingleInstance(app, () => win)).toBe(true);
    app.fire('second-instance');
    expect(restore).toHaveBeenCalledOnce();
    expect(focus).toHaveBeenCalledOnce();
    expect(app.quit).not.toHaveBeenCalled();
  });
});

describe('crash handlers', () => {
  it('log uncaught exceptions and rejections redacted, and keep running (no dialog)', () => {
    const proc = new FakeEmitter();
    const lines: string[] = [];
    // As the shell's log does: every line through core's one redaction function.
    const redactor = new Redactor();
    installCrashHandlers(proc, (line) => lines.push(redactor.redact(line)));
    expect(proc.events()).toEqual(['uncaughtException', 'unhandledRejection']);
    proc.fire('uncaughtException', new Error('signing failed with secret=branch-secret-31f for 4111 1111 1111 1111'));
    proc.fire('unhandledRejection', 'a string');
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).not.toMatch(/branch-secret-31f|4111 1111/);
    expect(lines[0]).toMatch(/^uncaught exception: Error: signing failed with secret="\[redacted\]"/);
  });
});

describe('shell log', () => {
  it('describes errors with name, code and frames, never throws on odd values', () => {
    const error = Object.assign(new Error('boom'), { code: 'vault_unavailable' });
    expect(describeError(error)).toMatch(/^Error \[vault_unavailable\]: boom\n\s+at /);
    expect(describeError(42)).toBe('non-error thrown (number)');
  });

  it('writes redacted lines to the application log in <dataDir>/logs', async () => {
    const dir = tempDir('card-desk-log-');
    const log = createLog(dir);
    log('unlock with pin=9876');
    await new Promise((r) => setTimeout(r, 50));
    const file = readFileSync(join(dir, 'logs', 'card-desk.log'), 'utf8');
    expect(file).toContain('unlock with pin="[redacted]"');
    expect(file).not.toContain('9876');
  });
});

describe('power', () => {
  it('locks immediately on OS lock and on suspend', () => {
    const power = new FakeEmitter();
    const session = { lock: vi.fn() };
    lockOnOsEvents(power, session, () => undefined);
    expect(power.events()).toEqual(['lock-screen', 'suspend']);
    power.fire('lock-screen');
    power.fire('suspend');
    expect(session.lock.mock.calls).toEqual([['os'], ['os']]);
  });

  it('a failing lock is logged, not thrown into Electron', () => {
    const power = new FakeEmitter();
    const log = vi.fn();
    lockOnOsEvents(
      power,
      {
        lock: () => {
          throw new Error('nope');
        },
      },
      log,
    );
    expect(() => {
      power.fire('suspend');
    }).not.toThrow();
    expect(log).toHaveBeenCalledOnce();
  });
});

describe('kiosk', () => {
  function kioskWindow() {
    const setKiosk = vi.fn<(flag: boolean) => void>();
    const win: FakeEmitter & KioskWindow = Object.assign(new FakeEmitter(), { setKiosk, isDestroyed: () => false });
    return { win, setKiosk };
  }

  it('removes the menu, refuses to close and re-enters kiosk until the admin flow allows exit', () => {
    const { win, setKiosk } = kioskWindow();
    const menu = { setApplicationMenu: vi.fn() };
    const kiosk = applyKiosk(win, true, menu);
    expect(kiosk.active).toBe(true);
    expect(menu.setApplicationMenu).toHaveBeenCalledWith(null);
    const close = preventable();
    win.fire('close', close);
    expect(close.prevented()).toBe(true);
    win.fire('leave-full-screen');
    expect(setKiosk).toHaveBeenLastCalledWith(true);

    kiosk.allowExit();
    expect(setKiosk).toHaveBeenLastCalledWith(false);
    const closeAfter = preventable();
    win.fire('close', closeAfter);
    expect(closeAfter.prevented()).toBe(false);
  });

  it('does nothing outside kiosk mode', () => {
    const { win } = kioskWindow();
    const menu = { setApplicationMenu: vi.fn() };
    expect(applyKiosk(win, false, menu).active).toBe(false);
    expect(menu.setApplicationMenu).not.toHaveBeenCalled();
    expect(win.events()).toEqual([]);
  });
});

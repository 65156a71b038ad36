// The window factory: every secure webPreferences flag, devtools only in development, the app:// entry.
import { describe, expect, it, vi } from 'vitest';
import { shellPaths } from '../../../main/shell/paths.ts';
import { APP_ENTRY_URL } from '../../../main/shell/protocol.ts';
import {
  createMainWindow,
  importWindowOptions,
  windowOptions,
  type WindowConstructor,
} from '../../../main/shell/window.ts';

const PRELOAD = '/opt/card-desk/resources/app.asar/dist/preload/index.cjs';

describe('windowOptions', () => {
  for (const development of [false, true]) {
    it(`sets every secure flag (development: ${String(development)})`, () => {
      const prefs = windowOptions({ preload: PRELOAD, development, kiosk: false }).webPreferences;
      expect(prefs).toMatchObject({
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        webviewTag: false,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        spellcheck: false,
        navigateOnDragDrop: false,
        preload: PRELOAD,
      });
      expect(prefs).not.toHaveProperty('enableBlinkFeatures');
      expect(prefs).not.toHaveProperty('additionalArguments');
      expect(prefs).not.toHaveProperty('partition');
    });
  }

  it('locks down the journal import window like the main window, with no preload and no JavaScript', () => {
    const prefs = importWindowOptions('Card Desk').webPreferences;
    const main = windowOptions({ preload: PRELOAD, development: false, kiosk: false }).webPreferences ?? {};
    expect(prefs).toEqual({ ...main, preload: undefined, javascript: false });
    expect(prefs).not.toHaveProperty('preload');
  });

  it('allows devtools only in development builds', () => {
    expect(windowOptions({ preload: PRELOAD, development: false, kiosk: false }).webPreferences?.devTools).toBe(false);
    expect(windowOptions({ preload: PRELOAD, development: true, kiosk: false }).webPreferences?.devTools).toBe(true);
  });

  it('takes an absolute preload path to the CommonJS bundle', () => {
    const preload = windowOptions({ preload: PRELOAD, development: false, kiosk: false }).webPreferences?.preload;
    expect(preload?.startsWith('/')).toBe(true);
    expect(preload?.endsWith('.cjs')).toBe(true);
  });

  it('is a fullscreen frameless kiosk window in kiosk mode, a normal window otherwise', () => {
    expect(windowOptions({ preload: PRELOAD, development: false, kiosk: true })).toMatchObject({
      kiosk: true,
      fullscreen: true,
      frame: false,
    });
    const normal = windowOptions({ preload: PRELOAD, development: false, kiosk: false });
    expect(normal.kiosk).toBeUndefined();
    expect(normal.fullscreen).toBeUndefined();
  });
});

describe('createMainWindow', () => {
  it('loads app://card-desk/index.html (never file://) and shows the window once painted', async () => {
    const loadURL = vi.fn(() => Promise.resolve());
    const once = vi.fn();
    const constructed: unknown[] = [];
    const Window = vi.fn(function (this: Record<string, unknown>, options: unknown) {
      constructed.push(options);
      Object.assign(this, { loadURL, once, show: vi.fn() });
    }) as unknown as WindowConstructor;
    const onError = vi.fn();
    createMainWindow(Window, { preload: PRELOAD, development: false, kiosk: false }, onError);
    expect(constructed).toEqual([windowOptions({ preload: PRELOAD, development: false, kiosk: false })]);
    expect(loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(APP_ENTRY_URL).toBe('app://card-desk/index.html');
    expect(once).toHaveBeenCalledWith('ready-to-show', expect.any(Function));
    await Promise.resolve();
    expect(onError).not.toHaveBeenCalled();
  });

  it('reports a failed load instead of leaving an unhandled rejection', async () => {
    const failure = new Error('ERR_FILE_NOT_FOUND');
    const Window = vi.fn(function (this: Record<string, unknown>) {
      Object.assign(this, { loadURL: () => Promise.reject(failure), once: vi.fn() });
    }) as unknown as WindowConstructor;
    const onError = vi.fn();
    createMainWindow(Window, { preload: PRELOAD, development: false, kiosk: false }, onError);
    await vi.waitFor(() => {
      expect(onError).toHaveBeenCalledWith(failure);
    });
  });
});

describe('shellPaths', () => {
  it('finds the preload bundle and the renderer next to the compiled main, or in dist/ from the sources', () => {
    expect(shellPaths('/opt/app.asar/dist/main/shell')).toEqual({
      preload: '/opt/app.asar/dist/preload/index.cjs',
      rendererRoot: '/opt/app.asar/dist/renderer',
    });
    expect(shellPaths('/work/card-desk/main/shell')).toEqual({
      preload: '/work/card-desk/dist/preload/index.cjs',
      rendererRoot: '/work/card-desk/dist/renderer',
    });
  });
});

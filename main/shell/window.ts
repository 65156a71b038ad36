// The one window factory (docs/architecture.md, security). windowOptions is pure so every security flag is unit-tested.
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './protocol.ts';

export interface WindowSettings {
  /** Absolute path of the bundled CommonJS preload (dist/preload/index.cjs). */
  preload: string;
  /** Development build (not packaged): the only case with devtools. */
  development: boolean;
  kiosk: boolean;
}

export function windowOptions(settings: WindowSettings): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Card Desk',
    backgroundColor: '#ffffff',
    autoHideMenuBar: settings.kiosk,
    ...(settings.kiosk ? { kiosk: true, fullscreen: true, frame: false } : {}),
    webPreferences: { preload: settings.preload, ...lockedWebPreferences(settings.development) },
  };
}

/** What every window of the app runs with: sandboxed, isolated, no Node, devtools only in development. */
function lockedWebPreferences(development: boolean): WebPreferences {
  return {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // Middle-click would otherwise try to open a new window (denied anyway by setWindowOpenHandler).
    disableBlinkFeatures: 'Auxclick',
    safeDialogs: true,
    spellcheck: false,
    devTools: development,
  };
}

/**
 * The small window that shows the import of an old journal at start (journal-import-window.ts): it loads no page,
 * but is as locked down as the main window, with JavaScript off too.
 */
export function importWindowOptions(title: string): BrowserWindowConstructorOptions {
  return {
    width: 640,
    height: 120,
    resizable: false,
    show: true,
    title,
    webPreferences: { ...lockedWebPreferences(false), javascript: false },
  };
}

export type WindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** Creates the window, shows it once painted and loads the renderer from app://. */
export function createMainWindow(
  Window: WindowConstructor,
  settings: WindowSettings,
  onLoadError: (error: unknown) => void,
): BrowserWindow {
  const win = new Window(windowOptions(settings));
  win.once('ready-to-show', () => {
    win.show();
  });
  win.loadURL(APP_ENTRY_URL).catch(onLoadError);
  return win;
}

// main.ts wired end to end against a mocked Electron: second instance quits; the first registers app:// before
// ready, sandboxes every renderer, guards every webContents and session, opens the hardened window, serves IPC
// only to it, and locks on suspend.
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelOf, eventChannelOf, METHOD_NAMES, type Reply } from '../../../common/contract/index.ts';
import { APP_ENTRY_URL } from '../../../main/shell/protocol.ts';
import { windowOptions } from '../../../main/shell/window.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { FakeEmitter, senderEvent } from './fakes.ts';

// One module object for every import of main.ts; each test puts its own fakes into it.
// Named imports (main.ts) and the default import (electron-store) both see the fakes.
const electronModule = vi.hoisted((): Record<string, unknown> => {
  const module: Record<string, unknown> = {};
  module.default = module;
  return module;
});

vi.mock('electron', () => electronModule);
vi.mock('../../../main/core/vault/index.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../main/core/vault/index.ts')>();
  // No keychain in unit tests: the same interface, in memory.
  return { ...original, KeytarVault: class extends original.MemoryVault {} };
});

class FakeWindow extends FakeEmitter {
  static all: FakeWindow[] = [];
  static getAllWindows = () => FakeWindow.all;
  readonly options: unknown;
  readonly sent: [string, unknown][] = [];
  readonly contentProtection: boolean[] = [];
  readonly webContents: { id: number; getURL: () => string; send: (c: string, p: unknown) => void };
  loadURL = vi.fn(() => Promise.resolve());
  constructor(options: unknown) {
    super();
    this.options = options;
    this.webContents = {
      id: 40 + FakeWindow.all.length,
      getURL: () => APP_ENTRY_URL,
      send: (c, p) => this.sent.push([c, p]),
    };
    FakeWindow.all.push(this);
  }
  isDestroyed = () => false;
  setContentProtection(flag: boolean) {
    this.contentProtection.push(flag);
  }
  show = vi.fn();
  setKiosk = vi.fn();
}

function fakeSession() {
  return Object.assign(new FakeEmitter(), {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  });
}

function fakeElectron(lock: boolean) {
  let ready!: () => void;
  const whenReady = new Promise<void>((r) => (ready = r));
  const order: string[] = [];
  const handlers = new Map<string, (event: unknown, args: unknown) => Promise<Reply<unknown>>>();
  const listeners: string[] = [];
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: true,
    setName: vi.fn(),
    setPath: vi.fn(),
    getPath: vi.fn(() => process.env.CARD_DESK_DATA_DIR),
    getVersion: () => '1.2.3',
    getLocale: () => 'ru',
    enableSandbox: vi.fn(() => order.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => lock),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: () => whenReady,
  });
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemesAsPrivileged')),
    handle: vi.fn(() => order.push('protocol.handle')),
  };
  return {
    ready,
    order,
    handlers,
    listeners,
    module: {
      app,
      protocol,
      BrowserWindow: FakeWindow,
      Menu: { setApplicationMenu: vi.fn() },
      powerMonitor: new FakeEmitter(),
      session: { defaultSession: fakeSession() },
      ipcMain: {
        handle: (c: string, l: never) => handlers.set(c, l),
        removeHandler: (c: string) => handlers.delete(c),
        on: (c: string) => listeners.push(c),
      },
    },
  };
}

const processEvents: string[] = [];
beforeEach(() => {
  vi.resetModules();
  FakeWindow.all = [];
  vi.stubEnv('CARD_DESK_DATA_DIR', tempDir('card-desk-main-'));
  // main.ts installs crash handlers on process: capture them instead of swallowing the test runner's errors.
  processEvents.length = 0;
  vi.spyOn(process, 'on').mockImplementation((event: string | symbol) => {
    processEvents.push(String(event));
    return process;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('main.ts', () => {
  it('a second instance quits before registering anything', async () => {
    const electron = fakeElectron(false);
    Object.assign(electronModule, electron.module);
    await import('../../../main/shell/main.ts');
    expect(electron.module.app.quit).toHaveBeenCalledOnce();
    expect(electron.module.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(electron.module.app.events()).toEqual([]);
  });

  it('composes the hardened app', async () => {
    const electron = fakeElectron(true);
    Object.assign(electronModule, electron.module);
    const { app, protocol, session, powerMonitor } = electron.module;
    await import('../../../main/shell/main.ts');

    // Before ready: sandbox for all renderers, app:// privileged, guards for every webContents, crash handlers.
    expect(electron.order).toEqual(['enableSandbox', 'registerSchemesAsPrivileged']);
    expect(app.events()).toEqual(expect.arrayContaining(['web-contents-created', 'will-quit', 'second-instance']));
    expect(processEvents).toEqual(['uncaughtException', 'unhandledRejection']);

    electron.ready();
    await vi.waitFor(() => {
      expect(FakeWindow.all).toHaveLength(1);
    });
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const defaultSession = session.defaultSession;
    expect(defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(defaultSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(defaultSession.setDevicePermissionHandler).toHaveBeenCalledOnce();
    expect(defaultSession.webRequest.onBeforeRequest).toHaveBeenCalledOnce();

    const [win] = FakeWindow.all;
    const preload = resolve('dist/preload/index.cjs');
    expect(win!.options).toEqual(windowOptions({ preload, development: false, kiosk: false }));
    expect(win!.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(sortedKeys(electron.handlers)).toEqual(METHOD_NAMES.map(channelOf).sort());
    // The one listener outside the contract is electron-store's own (it answers only its default folder and
    // the app version, and no renderer can reach it: the preload exposes no ipcRenderer).
    expect(electron.listeners).toEqual(['electron-store-get-data']);

    // IPC answers only our window's main frame.
    const ours = senderEvent({ id: win!.webContents.id });
    const info = await electron.handlers.get(channelOf('app.info'))!(ours, {});
    expect(info).toEqual({
      ok: true,
      value: {
        name: 'Card Desk',
        version: '1.2.3',
        platform: process.platform,
        development: false,
        electron: process.versions.electron,
        transport: 'ipc',
      },
    });
    expect(await electron.handlers.get(channelOf('app.info'))!(senderEvent({ id: 999 }), {})).toMatchObject({
      ok: false,
      error: { code: 'untrusted_sender' },
    });

    // Concealing a secret turns content protection off on the window.
    await electron.handlers.get(channelOf('cards.concealSecret'))!(ours, {});
    expect(win!.contentProtection).toEqual([false]);

    // Suspend locks at once and the window hears about it.
    await electron.handlers.get(channelOf('session.createFirstOperator'))!(ours, {
      operatorId: 'aliya',
      name: 'Aliya',
      secret: '1357',
    });
    powerMonitor.fire('suspend');
    expect(win!.sent).toContainEqual([eventChannelOf('session.lockChanged'), { locked: true, reason: 'os' }]);
    expect(await electron.handlers.get(channelOf('profiles.list'))!(ours, {})).toMatchObject({
      ok: false,
      error: { code: 'session_locked' },
    });

    // Every later webContents is guarded too.
    const contents = Object.assign(new FakeEmitter(), { setWindowOpenHandler: vi.fn(), session: fakeSession() });
    app.fire('web-contents-created', {}, contents);
    expect(contents.events()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(contents.session.setPermissionRequestHandler).toHaveBeenCalledOnce();

    // Quitting closes the journal and the embedded sandbox first.
    const quit = { preventDefault: vi.fn() };
    app.fire('will-quit', quit);
    expect(quit.preventDefault).toHaveBeenCalledOnce();
    await vi.waitFor(() => {
      expect(app.quit).toHaveBeenCalledOnce();
    });
  });
});

function sortedKeys(map: Map<string, unknown>): string[] {
  return [...map.keys()].sort();
}

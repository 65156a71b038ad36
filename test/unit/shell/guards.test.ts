// Navigation, new windows, webviews, permissions, downloads and off-origin requests are denied; IPC senders
// are trusted only from our windows' main frames on app://card-desk.
import { describe, expect, it, vi } from 'vitest';
import {
  guardSession,
  guardWebContents,
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSender,
  originOf,
  type GuardedSession,
} from '../../../main/shell/guards.ts';
import { FakeEmitter, preventable, senderEvent } from './fakes.ts';

class FakeContents extends FakeEmitter {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
}

function guarded() {
  const contents = new FakeContents();
  const log = vi.fn<(line: string) => void>();
  guardWebContents(contents, log);
  return { contents, log };
}

const FOREIGN = [
  'https://example.com/',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'app://evil/index.html',
  'app://card-desk.example.com/',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'chrome://settings',
];

describe('guardWebContents', () => {
  it('listens to every navigation event and webview attachment', () => {
    const { contents } = guarded();
    expect(contents.events()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
    expect(contents.openHandler).toBeDefined();
  });

  for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
    for (const url of FOREIGN) {
      it(`${event} to ${url} is prevented`, () => {
        const { contents, log } = guarded();
        const e = preventable(url);
        contents.fire(event, e, url);
        expect(e.prevented()).toBe(true);
        expect(log).toHaveBeenCalledOnce();
      });
    }
    it(`${event} within app://card-desk is allowed`, () => {
      const { contents } = guarded();
      const e = preventable('app://card-desk/index.html#/cards');
      contents.fire(event, e, e.url);
      expect(e.prevented()).toBe(false);
    });
  }

  it('denies every new window (nothing is opened, not even the app origin)', () => {
    const { contents } = guarded();
    for (const url of [...FOREIGN, 'app://card-desk/index.html']) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('prevents <webview> attachment', () => {
    const { contents } = guarded();
    const e = preventable();
    contents.fire('will-attach-webview', e, {}, {});
    expect(e.prevented()).toBe(true);
  });

  it('never logs a full URL (paths and queries could carry data)', () => {
    const { contents, log } = guarded();
    contents.fire('will-navigate', preventable('https://example.com/path?pan=4111111111111111'));
    expect(log.mock.calls.join(' ')).toContain('https://example.com');
    expect(log.mock.calls.join(' ')).not.toContain('4111');
    expect(originOf('not a url')).toBe('(unparsable URL)');
  });
});

describe('isAllowedNavigation / isAllowedRequest', () => {
  it('allow the app origin only', () => {
    expect(isAllowedNavigation('app://card-desk/index.html')).toBe(true);
    for (const url of FOREIGN) expect(isAllowedNavigation(url)).toBe(false);
  });
  it('cancel any renderer request off the app origin; devtools only in development', () => {
    expect(isAllowedRequest('app://card-desk/assets/main.js', false)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', false)).toBe(true);
    for (const url of ['https://example.com/x', 'http://127.0.0.1:4000/', 'ws://127.0.0.1/', 'file:///etc/passwd']) {
      expect(isAllowedRequest(url, false)).toBe(false);
      expect(isAllowedRequest(url, true)).toBe(false);
    }
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', false)).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', true)).toBe(true);
  });
});

describe('guardSession', () => {
  function session() {
    const emitter = new FakeEmitter();
    const captured: Partial<{
      request: Parameters<GuardedSession['setPermissionRequestHandler']>[0];
      check: Parameters<GuardedSession['setPermissionCheckHandler']>[0];
      device: () => boolean;
      beforeRequest: Parameters<GuardedSession['webRequest']['onBeforeRequest']>[0];
    }> = {};
    const fake: GuardedSession = {
      setPermissionRequestHandler: (h) => (captured.request = h),
      setPermissionCheckHandler: (h) => (captured.check = h),
      setDevicePermissionHandler: (h) => (captured.device = h),
      on: (event, listener) => emitter.on(event, listener),
      webRequest: { onBeforeRequest: (l) => (captured.beforeRequest = l) },
    };
    guardSession(fake, false);
    return { captured, emitter };
  }

  it('denies every permission request, check and device permission but clipboard writes of our own pages', () => {
    const { captured } = session();
    const app = 'app://card-desk/index.html';
    for (const permission of ['media', 'geolocation', 'notifications', 'hid', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      captured.request?.({}, permission, callback, {
        requestingUrl: permission === 'clipboard-read' ? 'https://example.com/' : app,
      });
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(captured.check?.({}, permission, permission === 'clipboard-read' ? 'https://example.com' : app)).toBe(
        false,
      );
    }
    // Reading the clipboard is main's job (it clears copied card data); our own pages may only write it.
    const read = vi.fn();
    captured.request?.({}, 'clipboard-read', read, { requestingUrl: app });
    expect(read).toHaveBeenCalledExactlyOnceWith(false);
    expect(captured.check?.({}, 'clipboard-read', 'app://card-desk')).toBe(false);
    for (const permission of ['clipboard-sanitized-write']) {
      const callback = vi.fn();
      captured.request?.({}, permission, callback, { requestingUrl: app });
      expect(callback).toHaveBeenCalledExactlyOnceWith(true);
      expect(captured.check?.({}, permission, 'app://card-desk')).toBe(true);
    }
    expect(captured.device?.()).toBe(false);
  });

  it("prevents downloads but the renderer's own exports (through the save dialog), and cancels off-origin requests", () => {
    const { captured, emitter } = session();
    const item = (url: string) => ({
      getURL: () => url,
      getFilename: () => 'statement.csv',
      setSaveDialogOptions: vi.fn(),
    });
    const foreign = preventable();
    emitter.fire('will-download', foreign, item('https://example.com/malware.exe'));
    expect(foreign.prevented()).toBe(true);
    const exported = preventable();
    const own = item('blob:app://card-desk/5b0c7e0e-0000-4000-8000-000000000000');
    emitter.fire('will-download', exported, own);
    expect(exported.prevented()).toBe(false);
    expect(own.setSaveDialogOptions).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: 'statement.csv' }));
    const answers: boolean[] = [];
    for (const url of ['https://example.com/', 'app://card-desk/index.html']) {
      captured.beforeRequest?.({ url }, ({ cancel }) => answers.push(cancel));
    }
    expect(answers).toEqual([true, false]);
  });
});

describe('isTrustedSender', () => {
  const ours = new Set([1]);

  it('trusts our window, main frame, app://card-desk', () => {
    expect(isTrustedSender(senderEvent(), ours)).toBe(true);
    expect(isTrustedSender(senderEvent({ url: 'app://card-desk/index.html#/cards?x=1' }), ours)).toBe(true);
  });

  it('refuses a foreign webContents', () => {
    expect(isTrustedSender(senderEvent({ id: 2 }), ours)).toBe(false);
    expect(isTrustedSender(senderEvent(), new Set())).toBe(false);
  });

  it('refuses a sub-frame, even of our window on our origin', () => {
    expect(isTrustedSender(senderEvent({ subFrame: true }), ours)).toBe(false);
  });

  it('refuses a sender whose frame is gone', () => {
    expect(isTrustedSender(senderEvent({ noFrame: true }), ours)).toBe(false);
  });

  for (const url of [
    'file:///opt/card-desk/resources/app.asar/dist/renderer/index.html',
    'http://localhost:5173/',
    'https://card-desk/',
    'app://evil/index.html',
    'app://card-desk.evil/',
    'app://card-desk:99/',
    'about:blank',
    'devtools://devtools/',
    '',
  ]) {
    it(`refuses the origin of ${JSON.stringify(url)}`, () => {
      expect(isTrustedSender(senderEvent({ url }), ours)).toBe(false);
    });
  }
});

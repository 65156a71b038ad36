// Navigation, window-opening, webview, permission and request guards, and the IPC sender check
// (docs/architecture.md, security). Pure functions over the few members of Electron objects they use, so they are tested
// without Electron.
import { isAppUrl } from './protocol.ts';

export interface PreventableEvent {
  preventDefault(): void;
}

/** will-navigate / will-redirect / will-frame-navigate details all carry the target URL. */
export interface NavigationEvent extends PreventableEvent {
  url: string;
}

export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate',
    listener: (event: NavigationEvent) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export type GuardLog = (line: string) => void;

/** Only the app's own origin may be navigated to; everything else stays where it is. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** Applied to every webContents (app 'web-contents-created'). */
export function guardWebContents(contents: GuardedContents, log: GuardLog = () => undefined): void {
  const navigation = (kind: string) => (event: NavigationEvent) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    log(`blocked ${kind} to ${originOf(event.url)}`);
  };
  contents.on('will-navigate', navigation('navigation'));
  contents.on('will-frame-navigate', navigation('frame navigation'));
  contents.on('will-redirect', navigation('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`blocked a new window to ${originOf(url)}`);
    return { action: 'deny' };
  });
}

export interface DownloadItemLike {
  getURL(): string;
  getFilename(): string;
  setSaveDialogOptions(options: {
    title?: string;
    defaultPath?: string;
    filters?: { name: string; extensions: string[] }[];
  }): void;
}

export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean,
  ): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  on(event: 'will-download', listener: (event: PreventableEvent, item: DownloadItemLike) => void): unknown;
  webRequest: {
    onBeforeRequest(
      listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ): void;
  };
}

/**
 * Requests a renderer may make: its own origin, inline data/blob images, and devtools in development. The
 * renderer reaches the network only through main (the CSP says the same; this holds even if the CSP is lost).
 */
export function isAllowedRequest(url: string, development: boolean): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith('data:') || url.startsWith('blob:app://card-desk/')) return true;
  return development && (url.startsWith('devtools://') || url.startsWith('chrome-extension://'));
}

/**
 * Writing the clipboard, for our own pages only. Never reading it: copied card data goes through main, which
 * alone reads the clipboard back to clear it (main/core/clipboard/secret-clipboard.ts).
 */
const APP_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export function isAllowedPermission(permission: string, requestingUrl: string | undefined): boolean {
  return APP_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

/** A file the renderer built itself (a CSV export as a blob: URL of our origin); nothing from elsewhere. */
export function isAllowedDownload(url: string): boolean {
  return url.startsWith('blob:app://card-desk/');
}

/**
 * Every other permission (camera, notifications, HID, USB, serial…) denied; downloads refused but the
 * renderer's own exports, which go through the save dialog; off-origin requests cancelled.
 */
export function guardSession(session: GuardedSession, development: boolean, log: GuardLog = () => undefined): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = isAllowedPermission(permission, details.requestingUrl);
    if (!granted) log(`denied permission ${permission}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isAllowedPermission(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event, item) => {
    if (isAllowedDownload(item.getURL())) {
      // No save path set: Electron asks the operator where to save.
      item.setSaveDialogOptions({ defaultPath: item.getFilename(), filters: [{ name: 'CSV', extensions: ['csv'] }] });
      return;
    }
    event.preventDefault();
    log('blocked a download');
  });
  session.webRequest.onBeforeRequest((details, callback) => {
    const cancel = !isAllowedRequest(details.url, development);
    if (cancel) log(`blocked a request to ${originOf(details.url)}`);
    callback({ cancel });
  });
}

// ---------------------------------------------------------------------------------------------- IPC senders

export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

export interface SenderEvent {
  readonly sender: { readonly id: number; readonly mainFrame: FrameLike };
  readonly senderFrame: FrameLike | null;
}

/** The sender is one of our windows, its main frame, on the app:// origin. Anything else is untrusted. */
export function isTrustedSender(event: SenderEvent, trustedIds: ReadonlySet<number>): boolean {
  const frame = event.senderFrame;
  if (frame === null) return false;
  if (!trustedIds.has(event.sender.id)) return false;
  if (frame !== event.sender.mainFrame && frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** For log lines: the origin only (no path, no query that could carry data). */
export function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? `${parsed.protocol}…` : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '(unparsable URL)';
  }
}

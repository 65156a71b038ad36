// The Electron entry (package.json "main": dist/main/shell/main.js). Composes core like the CLI does, with the
// app's own data folder and keychain service, and wires the hardened window, protocol, guards and IPC.
import { app, BrowserWindow, Menu, powerMonitor, protocol, session, type Session, type WebContents } from 'electron';
import ElectronStore from 'electron-store';
import { SecretClipboard } from '../core/clipboard/secret-clipboard.ts';
import { Desk } from '../core/desk.ts';
import { PRODUCT_NAME } from '../core/paths.ts';
import { createServices, type Services } from '../core/services/index.ts';
import { managedPolicyPath } from '../core/settings/managed-policy.ts';
import type { SettingsDocument } from '../core/settings/store.ts';
import { loadChainKey } from '../core/journal/chain-key.ts';
import { KeytarVault, readInstallId, vaultServiceName } from '../core/vault/index.ts';
import { startSandbox } from '../sandbox/index.ts';
import { utilityJobProcess } from './bulk-process.ts';
import { electronClipboard } from './clipboard.ts';
import { importJournalWithWindow } from './journal-import-window.ts';
import { guardSession, guardWebContents, isTrustedSender } from './guards.ts';
import { registerAppIpc } from './ipc.ts';
import { applyKiosk, type KioskController } from './kiosk.ts';
import { dataDirFromEnv, refusedSwitch } from './launch-checks.ts';
import { claimSingleInstance, installCrashHandlers } from './lifecycle.ts';
import { createLog, describeError } from './log.ts';
import { shellPaths } from './paths.ts';
import { lockOnOsEvents } from './power.ts';
import { electronPrinter } from './print.ts';
import { handleAppProtocol, isAppUrl, registerAppScheme } from './protocol.ts';
import { createMainWindow } from './window.ts';

// A packaged build opens no debugger and takes no V8 flags, whoever started it (docs/packaging.md, hardening).
const refused = app.isPackaged ? refusedSwitch(process.argv) : undefined;
if (refused !== undefined) {
  process.stderr.write(`Card Desk: not starting with ${refused}: a packaged build accepts no debugging switch\n`);
  app.exit(2);
}
const development = !app.isPackaged;
app.setName(PRODUCT_NAME);
// Development and tests may point the app at another data folder, as the CLI allows; a packaged build may not.
const dataDirOverride = dataDirFromEnv(app.isPackaged);
if (dataDirOverride !== undefined) app.setPath('userData', dataDirOverride);
const dataDir = app.getPath('userData');
const log = createLog(dataDir);
const vault = new KeytarVault(vaultServiceName(development));
installCrashHandlers(process, log);
app.enableSandbox();

const paths = shellPaths(import.meta.dirname);
const trustedIds = new Set<number>();
let mainWindow: BrowserWindow | undefined;
let kioskController: KioskController | undefined;
let services: Services | undefined;

const guardedSessions = new WeakSet<Session>();
function guardSessionOnce(target: Session): void {
  if (guardedSessions.has(target)) return;
  guardedSessions.add(target);
  guardSession(target, development, log);
}

if (refused === undefined && claimSingleInstance(app, () => mainWindow)) {
  registerAppScheme(protocol);
  app.on('web-contents-created', (_event, contents: WebContents) => {
    guardWebContents(contents, log);
    guardSessionOnce(contents.session);
  });
  app.on('window-all-closed', () => {
    app.quit();
  });
  app.on('activate', () => {
    if (services !== undefined && BrowserWindow.getAllWindows().length === 0) openWindow(services);
  });
  quitClosesServices();
  app
    .whenReady()
    // The journal chain's key first: every record this process writes is sealed with it (journal/chain-key.ts).
    .then(() => loadChainKey(vault, readInstallId(dataDir), true))
    .then(async (chainKey) => {
      await importJournalWithWindow(BrowserWindow, dataDir, app.getLocale(), log, chainKey);
      start(chainKey);
    })
    .catch((error: unknown) => {
      log(`could not start: ${describeError(error)}`);
      app.exit(1);
    });
}

function start(chainKey: Buffer | undefined): void {
  guardSessionOnce(session.defaultSession);
  handleAppProtocol(protocol, paths.rendererRoot);
  const desk = Desk.open({
    dataDir,
    vault,
    ...(chainKey === undefined ? {} : { chainKey }),
    managedPolicyFile: managedPolicyPath(process.platform, process.env),
    // Loopback only: the embedded sandbox profile. Nothing else touches the network at start (no updater).
    startEmbedded: ({ merchant, stateFile }) => startSandbox({ merchants: [merchant], stateFile }),
    // The app's settings through electron-store, with the options conf uses in the CLI (one schema, one file).
    settingsBackend: (options) => new ElectronStore<SettingsDocument>(options),
    log: log.app,
  });
  for (const problem of desk.problems) log(`warning: ${problem}`);
  services = createServices({
    desk,
    appInfo: {
      name: PRODUCT_NAME,
      version: app.getVersion(),
      platform: process.platform,
      development,
      electron: process.versions.electron,
      transport: 'ipc',
    },
    report: (error) => {
      log(`handler failed: ${describeError(error)}`);
    },
    secretShown: (shown) => {
      if (mainWindow !== undefined && !mainWindow.isDestroyed()) mainWindow.setContentProtection(shown);
    },
    clipboard: new SecretClipboard(electronClipboard()),
    // Bulk jobs run in a utility process, off the main process (docs/bulk.md, the job process).
    bulkProcess: utilityJobProcess(),
    // Called only after main verified the policy's admin PIN.
    kioskExit: () => {
      if (kioskController?.active !== true) return false;
      kioskController.allowExit();
      return true;
    },
    printer: electronPrinter(() => (mainWindow?.isDestroyed() === false ? mainWindow.webContents : undefined)),
  });
  registerAppIpc(services, {
    isTrusted: (event) => isTrustedSender(event, trustedIds),
    targets: () =>
      BrowserWindow.getAllWindows()
        .filter((win) => !win.isDestroyed() && trustedIds.has(win.webContents.id) && isAppUrl(win.webContents.getURL()))
        .map((win) => win.webContents),
    log,
  });
  lockOnOsEvents(powerMonitor, services.session, log);
  // The chain checked in the background, a slice at a time: the first screen does not wait for it.
  void desk.chain.verify();
  openWindow(services);
}

function openWindow(current: Services): void {
  const kiosk = current.desk.settings().values.kiosk;
  const win = createMainWindow(BrowserWindow, { preload: paths.preload, development, kiosk }, (error) => {
    log(`could not load the renderer: ${describeError(error)}`);
  });
  const id = win.webContents.id;
  trustedIds.add(id);
  win.on('closed', () => {
    trustedIds.delete(id);
    if (mainWindow === win) mainWindow = undefined;
  });
  kioskController = applyKiosk(win, kiosk, Menu);
  mainWindow = win;
}

/** Closes the journal and the embedded sandbox before the process ends. */
function quitClosesServices(): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || services === undefined) return;
    event.preventDefault();
    const closing = services;
    services = undefined;
    closing
      .close()
      .catch((error: unknown) => {
        log(`could not close cleanly: ${describeError(error)}`);
      })
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

// Kiosk mode from the effective settings (policy may force it): fullscreen kiosk window, no application menu,
// and the window cannot be closed or left except through the app's own admin-PIN flow (allowExit), whose
// renderer screen arrives with the UI issue.
export interface KioskWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  on(event: 'leave-full-screen', listener: () => void): unknown;
  setKiosk(flag: boolean): void;
  isDestroyed(): boolean;
}

export interface KioskController {
  readonly active: boolean;
  /** Called by the admin-PIN flow once the PIN is verified in main: the window may now leave kiosk and close. */
  allowExit(): void;
}

export function applyKiosk(
  win: KioskWindow,
  kiosk: boolean,
  menu: { setApplicationMenu(menu: null): void },
): KioskController {
  if (!kiosk) return { active: false, allowExit: () => undefined };
  menu.setApplicationMenu(null);
  let exitAllowed = false;
  win.on('close', (event) => {
    if (!exitAllowed) event.preventDefault();
  });
  win.on('leave-full-screen', () => {
    if (!exitAllowed && !win.isDestroyed()) win.setKiosk(true);
  });
  return {
    active: true,
    allowExit: () => {
      exitAllowed = true;
      if (!win.isDestroyed()) win.setKiosk(false);
    },
  };
}

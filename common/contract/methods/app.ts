// The application, the operator session and workstation preferences: nothing here acts on a profile.
import { z } from 'zod';
import { LANGUAGES, MAX_IDLE_LOCK_MINUTES } from '../../settings/schema.ts';
import { method } from '../method.ts';
import type { AppInfo, SessionState, SettingsView } from '../views.ts';
import { none, operatorPin } from './shared.ts';

const app = { scope: 'app' } as const;
const session = { scope: 'session' } as const;
const settings = { scope: 'settings' } as const;

export const appMethods = {
  'app.info': method(none, { ...app, whileLocked: true }).returns<AppInfo>(),

  'session.state': method(none, { ...session, whileLocked: true }).returns<SessionState>(),
  'session.lock': method(none, { ...session, whileLocked: true }).returns<SessionState>(),
  'session.unlock': method(z.strictObject({ pin: operatorPin }), {
    ...session,
    whileLocked: true,
  }).returns<SessionState>(),
  'session.setPin': method(
    z.strictObject({ currentPin: operatorPin.optional(), newPin: operatorPin }),
    session,
  ).returns<SessionState>(),
  /** The renderer reports operator activity; the idle timer lives in main. */
  'session.activity': method(none, session).returns<undefined>(),

  /** Leaves kiosk mode with the policy's admin PIN (8–12 digits); `exited` is false where no kiosk runs. */
  'kiosk.exit': method(z.strictObject({ adminPin: z.string().regex(/^\d{8,12}$/, '8 to 12 digits') }), app).returns<{
    exited: boolean;
  }>(),

  'settings.get': method(none, settings).returns<SettingsView>(),
  'settings.update': method(
    z.strictObject({
      language: z.enum(LANGUAGES).optional(),
      idleLockMinutes: z.int().min(1).max(MAX_IDLE_LOCK_MINUTES).optional(),
      kiosk: z.boolean().optional(),
    }),
    settings,
  ).returns<SettingsView>(),
} as const;

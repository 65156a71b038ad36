// The application, the operator session and workstation preferences: nothing here acts on a profile.
import { z } from 'zod';
import { LANGUAGES, MAX_IDLE_LOCK_MINUTES } from '../../settings/schema.ts';
import { method } from '../method.ts';
import { operatorIdSchema, operatorNameSchema, operatorSecretSchema } from '../rights.ts';
import type { AppInfo, SessionState, SettingsView } from '../views.ts';
import { none } from './shared.ts';

const app = { scope: 'app', right: 'signedIn' } as const;
const session = { scope: 'session', right: 'signedIn' } as const;
/** What the sign-in screen uses: no operator is signed in yet. */
const open = { scope: 'session', right: 'open', whileLocked: true } as const;
const settings = { scope: 'settings', right: 'settings' } as const;

export const appMethods = {
  'app.info': method(none, { scope: 'app', right: 'open', whileLocked: true }).returns<AppInfo>(),

  'session.state': method(none, open).returns<SessionState>(),
  /**
   * The first start of a workstation without operators (and without a policy providing them): the person
   * installing becomes an administrator holding every role, and is signed in.
   */
  'session.createFirstOperator': method(
    z.strictObject({ operatorId: operatorIdSchema, name: operatorNameSchema, secret: operatorSecretSchema }),
    open,
  ).returns<SessionState>(),
  /** Signs an operator in; while locked only the operator who locked may sign in again (or switch first). */
  'session.signIn': method(
    z.strictObject({ operatorId: operatorIdSchema, secret: z.string().max(128) }),
    open,
  ).returns<SessionState>(),
  /** "Switch operator": signs the current operator out; the sign-in screen follows. */
  'session.signOut': method(none, open).returns<SessionState>(),
  /** The signed-in operator changes their own PIN or passphrase. */
  'session.changeSecret': method(
    z.strictObject({ currentSecret: z.string().max(128), newSecret: operatorSecretSchema }),
    session,
  ).returns<SessionState>(),
  'session.lock': method(none, { ...open }).returns<SessionState>(),
  /** The renderer reports operator activity; the idle timer lives in main. */
  'session.activity': method(none, session).returns<undefined>(),

  /** Leaves kiosk mode with the policy's admin PIN (8–12 digits); `exited` is false where no kiosk runs. */
  'kiosk.exit': method(z.strictObject({ adminPin: z.string().regex(/^\d{8,12}$/, '8 to 12 digits') }), app).returns<{
    exited: boolean;
  }>(),

  'settings.get': method(none, { scope: 'settings', right: 'signedIn' }).returns<SettingsView>(),
  /** The interface language: every operator may choose it (the other preferences are an administrator's). */
  'settings.setLanguage': method(z.strictObject({ language: z.enum(LANGUAGES) }), {
    scope: 'settings',
    right: 'signedIn',
  }).returns<SettingsView>(),
  'settings.update': method(
    z.strictObject({
      language: z.enum(LANGUAGES).optional(),
      idleLockMinutes: z.int().min(1).max(MAX_IDLE_LOCK_MINUTES).optional(),
      kiosk: z.boolean().optional(),
    }),
    settings,
  ).returns<SettingsView>(),
} as const;

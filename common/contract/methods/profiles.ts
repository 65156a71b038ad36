// Merchant profiles and their secrets. The vault is write-only: no method returns a secret.
import { z } from 'zod';
import { profileIdSchema, profileSchema } from '../../settings/schema.ts';
import { method } from '../method.ts';
import type { ConnectionTest, ImportReport, ProfileView, VaultStatus, VaultStatusView } from '../views.ts';
import { none } from './shared.ts';

// Where a profile came from is main's to record, never the renderer's to say.
const profileInput = profileSchema.omit({ embedded: true, provisionedBy: true });
const named = z.strictObject({ profileId: profileIdSchema });
const settings = (target: 'argument' | 'draft' | 'file' | 'listed') => ({ scope: 'profile.settings', target }) as const;
const secret = { scope: 'profile.secret', target: 'argument' } as const;

export const profileMethods = {
  'profiles.list': method(none, settings('listed')).returns<ProfileView[]>(),
  'profiles.switch': method(named, settings('argument')).returns<ProfileView>(),
  'profiles.save': method(z.strictObject({ profile: profileInput }), settings('draft')).returns<ProfileView>(),
  'profiles.import': method(
    z.strictObject({ fileName: z.string().min(1).max(255), content: z.string().max(1024 * 1024, 'larger than 1 MB') }),
    settings('file'),
  ).returns<ImportReport>(),
  'profiles.remove': method(
    z.strictObject({ profileId: profileIdSchema, confirm: z.literal(true) }),
    settings('argument'),
  ).returns<undefined>(),

  'vault.status': method(named, secret).returns<VaultStatusView>(),
  /** Write-only: there is no method that returns a secret. */
  'vault.setSecret': method(
    z.strictObject({ profileId: profileIdSchema, secret: z.string().min(1, 'must not be empty').max(4096) }),
    secret,
  ).returns<{ secret: VaultStatus }>(),
  'vault.clearSecret': method(named, secret).returns<{ secret: VaultStatus }>(),
  'vault.createPinKey': method(named, secret).returns<{ pinKey: VaultStatus }>(),
  'vault.testConnection': method(named, secret).returns<ConnectionTest>(),
} as const;

// Merchant profiles and their secrets. The vault is write-only: no method returns a secret.
import { z } from 'zod';
import { profileIdSchema, profileSchema } from '../../settings/schema.ts';
import { method } from '../method.ts';
import { approvalSchema } from '../rights.ts';
import type { ConnectionTest, ImportReport, ProfileView, VaultStatus, VaultStatusView } from '../views.ts';
import { none } from './shared.ts';

// Where a profile came from is main's to record, never the renderer's to say.
const profileInput = profileSchema.omit({ embedded: true, provisionedBy: true });
const named = z.strictObject({ profileId: profileIdSchema });
const manage = (target: 'argument' | 'draft' | 'file' | 'listed') =>
  ({ scope: 'profile.settings', target, right: 'profiles.manage' }) as const;
const use = (target: 'argument' | 'listed') => ({ scope: 'profile.settings', target, right: 'profiles.use' }) as const;
const secret = { scope: 'profile.secret', target: 'argument', right: 'profiles.manage' } as const;
/** A second operator's approval, where the policy asks for one (rights.ts, dual control). */
const approval = approvalSchema.optional();

export const profileMethods = {
  'profiles.list': method(none, use('listed')).returns<ProfileView[]>(),
  'profiles.switch': method(named, use('argument')).returns<ProfileView>(),
  'profiles.save': method(z.strictObject({ profile: profileInput, approval }), manage('draft')).returns<ProfileView>(),
  'profiles.import': method(
    z.strictObject({
      fileName: z.string().min(1).max(255),
      content: z.string().max(1024 * 1024, 'larger than 1 MB'),
      approval,
    }),
    manage('file'),
  ).returns<ImportReport>(),
  'profiles.remove': method(
    z.strictObject({ profileId: profileIdSchema, confirm: z.literal(true), approval }),
    manage('argument'),
  ).returns<undefined>(),

  // What the frame and the card screens ask of the active profile (is a secret there, does it sign) is for
  // every operator who uses the profile; changing a secret is an administrator's.
  'vault.status': method(named, { ...secret, right: 'profiles.use' }).returns<VaultStatusView>(),
  /** Write-only: there is no method that returns a secret. */
  'vault.setSecret': method(
    z.strictObject({ profileId: profileIdSchema, secret: z.string().min(1, 'must not be empty').max(4096), approval }),
    secret,
  ).returns<{ secret: VaultStatus }>(),
  'vault.clearSecret': method(z.strictObject({ profileId: profileIdSchema, approval }), secret).returns<{
    secret: VaultStatus;
  }>(),
  'vault.createPinKey': method(z.strictObject({ profileId: profileIdSchema, approval }), secret).returns<{
    pinKey: VaultStatus;
  }>(),
  'vault.testConnection': method(named, { ...secret, right: 'profiles.use' }).returns<ConnectionTest>(),
} as const;

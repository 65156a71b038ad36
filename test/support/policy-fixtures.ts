// Policies and profiles for the policy tests (main/core/settings/policy.ts, apply-provisioning.ts).
import { PolicyLockedError } from '../../main/core/settings/policy.ts';
import type { Policy, Profile } from '../../common/settings/schema.ts';
import { thrownBy } from './thrown.ts';

export function policy(p: Partial<Policy>): Policy {
  return { locked: [], ...p };
}

export function profile(id: string, extra: Partial<Profile> = {}): Profile {
  return {
    id,
    name: `Branch ${id}`,
    region: 'KG',
    environment: 'production',
    baseUrl: 'https://api.freedompay.kg',
    merchantId: 12345,
    scheme: 'sha256-body',
    allowedOperations: ['clients', 'cards', 'cards.secret', 'gift', 'bulk'],
    ...extra,
  };
}

export const SANDBOX: Profile = {
  ...profile('sandbox'),
  name: 'Sandbox',
  region: 'sandbox',
  environment: 'sandbox',
  baseUrl: 'http://127.0.0.1:0',
  embedded: true,
};

export const lockedError = (run: () => void): PolicyLockedError => thrownBy(run, PolicyLockedError);

// A base URL typed by the operator that hides where requests go: credentials in it (`user:pass@`, sent along
// and logged) or a look-alike host in other scripts. The contract refuses both before main sees the profile
// (common/card-api/base-url.ts, docs/card-api.md transport).
import { describe, expect, it } from 'vitest';
import { contract } from '../../../common/contract/index.ts';
import { attack } from '../../support/attack.ts';

const PROFILE = {
  id: 'kz-own',
  name: 'Own',
  region: 'KZ',
  environment: 'production',
  baseUrl: 'https://api.example.kz',
  merchantId: 4100,
  scheme: 'jws-hs512',
  allowedOperations: ['clients'],
} as const;

function refusal(baseUrl: string): string | undefined {
  const parsed = contract['profiles.save'].args.safeParse({ profile: { ...PROFILE, baseUrl } });
  return parsed.success ? undefined : JSON.stringify(parsed.error.issues);
}

describe('attack: a base URL that hides its destination', () => {
  it('accepts the plain one', () => {
    expect(refusal(PROFILE.baseUrl)).toBeUndefined();
  });

  it('refuses user-info, without echoing it', async () => {
    await attack('base URL with user:pass@', () => {
      const issues = refusal('https://user:pass@api.example.kz');
      expect(issues).toMatch(/never carries a user name or password/);
      expect(issues).not.toContain('pass@');
    });
  });

  it('refuses a non-ASCII host, typed or as punycode', async () => {
    await attack('base URL with a non-ASCII host', () => {
      expect(refusal('https://api.exаmple.kz')).toMatch(/plain ASCII/); // a Cyrillic "а"
      expect(refusal('https://ａpi.example.kz')).toMatch(/plain ASCII/); // full-width, mapped to ASCII by URL
      expect(refusal('https://xn--80ak6aa92e.kz')).toMatch(/plain ASCII/);
    });
  });
});

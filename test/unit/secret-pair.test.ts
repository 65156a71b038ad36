// The "repeat must match" rule every form that sets a PIN or passphrase uses (common/contract/secret-pair.ts).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { repeatMatches, SECRETS_DIFFER, secretPairShape } from '../../common/contract/index.ts';

describe('a new secret typed twice', () => {
  const pair = z.object(secretPairShape).superRefine(repeatMatches('secret'));
  const own = z.object({ newSecret: z.string(), repeat: z.string() }).superRefine(repeatMatches('newSecret'));

  it('passes when the repeat is the secret', () => {
    expect(pair.safeParse({ secret: '48291537', repeat: '48291537' }).success).toBe(true);
    expect(own.safeParse({ newSecret: 'a long passphrase', repeat: 'a long passphrase' }).success).toBe(true);
  });

  it('fails on the repeat field when it differs, whatever the secret field is called', () => {
    for (const [schema, form] of [
      [pair, { secret: '48291537', repeat: '48291538' }],
      [own, { newSecret: '48291537', repeat: '' }],
    ] as const) {
      const issues = schema.safeParse(form).error?.issues ?? [];
      expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([['repeat', SECRETS_DIFFER]]);
    }
  });

  it('still applies the contract rule to the secret itself', () => {
    const issues = pair.safeParse({ secret: '12', repeat: '12' }).error?.issues ?? [];
    expect(issues.map((i) => i.path.join('.'))).toEqual(['secret']);
  });
});

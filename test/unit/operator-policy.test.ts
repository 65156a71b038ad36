// The policies' word on operators: accounts given with a hash only, the role matrix's changes and the dual
// control choice, the managed policy winning where both speak (main/core/settings/operator-policy.ts).
import { describe, expect, it } from 'vitest';
import { DEFAULT_DUAL_CONTROL } from '../../common/contract/rights.ts';
import { parseProvisioning } from '../../main/core/settings/provisioning.ts';
import { operatorPolicy, providedOperators } from '../../main/core/settings/operator-policy.ts';
import { resolveSettings } from '../../main/core/settings/policy.ts';
import type { Policy } from '../../common/settings/schema.ts';

const HASH = `scrypt$32768$8$1$${Buffer.alloc(16, 1).toString('base64')}$${Buffer.alloc(32, 2).toString('base64')}`;
const file = (policy: unknown) => JSON.stringify({ version: 1, policy });

describe('a policy’s operators', () => {
  it('are accepted with a pinHash (not taken for a secret), and refused with anything else', () => {
    const parsed = parseProvisioning(
      file({
        operators: [{ id: 'aigul', name: 'Aigul', roles: ['teller'], pinHash: HASH }],
        roles: { teller: { grant: ['cards.reveal'] } },
        dualControl: ['cards.close'],
        requireOperatorPin: true,
      }),
      'p.json',
    );
    expect(parsed.policy?.operators).toEqual([{ id: 'aigul', name: 'Aigul', roles: ['teller'], pinHash: HASH }]);
    expect(() =>
      parseProvisioning(file({ operators: [{ id: 'a', name: 'A', roles: ['teller'], pin: '1234' }] }), 'p.json'),
    ).toThrow(/pin/);
    expect(() =>
      parseProvisioning(file({ operators: [{ id: 'a', name: 'A', roles: ['teller'], secret: '1234' }] }), 'p.json'),
    ).toThrow(/secrets are never put in a provisioning file/);
    expect(() =>
      parseProvisioning(file({ operators: [{ id: 'a', name: 'A', roles: ['teller'], pinHash: '1234' }] }), 'p.json'),
    ).toThrow(/card-desk operator hash-pin/);
    const twice = { id: 'a', name: 'A', roles: ['teller'], pinHash: HASH };
    expect(() => parseProvisioning(file({ operators: [twice, twice] }), 'p.json')).toThrow(/each operator id once/);
    expect(() => parseProvisioning(file({ dualControl: ['cards.info'] }), 'p.json')).toThrow(/dualControl/);
    expect(() => parseProvisioning(file({ roles: { teller: { grant: ['open'] } } }), 'p.json')).toThrow(/roles/);
  });

  it('merge with the managed policy winning; the resolved settings carry no hash', () => {
    const managed = {
      locked: [],
      operators: [{ id: 'a', name: 'Managed A', roles: ['administrator'], pinHash: HASH }],
      roles: { teller: { grant: ['cards.reveal'] } },
    } as Policy;
    const provisioned = {
      locked: [],
      operators: [
        { id: 'a', name: 'Provisioned A', roles: ['teller'], pinHash: HASH },
        { id: 'b', name: 'B', roles: ['teller'], pinHash: HASH },
      ],
      roles: { teller: { revoke: ['gift'] }, auditor: { revoke: ['audit'] } },
      dualControl: ['cards.close'],
    } as Policy;
    expect(providedOperators(managed, provisioned).map((p) => [p.operator.name, p.source])).toEqual([
      ['Managed A', 'managed'],
      ['B', 'provisioned'],
    ]);
    expect(operatorPolicy(managed, provisioned)).toEqual({
      roles: { teller: { grant: ['cards.reveal'] }, auditor: { revoke: ['audit'] } },
      dualControl: ['cards.close'],
      providesOperators: true,
    });
    expect(operatorPolicy(undefined, undefined)).toEqual({
      roles: {},
      dualControl: [...DEFAULT_DUAL_CONTROL],
      providesOperators: false,
    });
    expect(operatorPolicy({ locked: [], dualControl: [] }, provisioned).dualControl).toEqual([]);
    expect(JSON.stringify(resolveSettings({ operator: {}, managed, provisioned }))).not.toContain('scrypt');
  });
});

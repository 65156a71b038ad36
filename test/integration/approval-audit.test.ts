// A refused approval under dual control is an audited event (docs/architecture.md, operators and roles): the
// maker approving themself, a wrong or unknown approver secret, an approver without the method's right. The
// record names the maker (its operator), the approver named (when that id is an account), the method and the
// reason, never a secret. A form that only asks for the approval (approval_required) is not recorded. Repeats of
// one refusal within a minute are folded into the next record's count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../main/core/journal/index.ts';
import { createServices, type Services } from '../../main/core/services/index.ts';
import { signInAdmin, TEST_ADMIN } from '../support/sign-in.ts';
import { openTestDesk, TEST_APP_INFO } from '../support/test-desk.ts';

const TELLER = { operatorId: 'teller-1', name: 'T', roles: ['teller'], secret: 'teller passphrase 1' };
const SUP = { operatorId: 'sup-1', name: 'S', roles: ['teller', 'supervisor', 'administrator'], secret: '70615243' };
const WRONG = 'wrong passphrase 9';
const MERCHANT_SECRET = 'merchant-secret-never-audited';
let services: Services;

beforeAll(async () => {
  services = createServices({ desk: openTestDesk(), appInfo: TEST_APP_INFO, report: () => undefined });
  await signInAdmin(services);
  for (const operator of [TELLER, SUP]) expect((await services.dispatch('operators.add', operator)).ok).toBe(true);
});
afterAll(async () => {
  await services.close();
});

const refusedApprovals = (): AuditRecord[] =>
  services.desk.journal.auditTrail().filter((a) => a.action === 'approval.refused');

async function setSecret(approval?: { operatorId: string; secret: string }): Promise<string> {
  const args = { profileId: 'sandbox', secret: MERCHANT_SECRET, ...(approval === undefined ? {} : { approval }) };
  const reply = await services.dispatch('vault.setSecret', args);
  return reply.ok ? 'ok' : reply.error.code;
}

describe('refused approvals', () => {
  it('are audited naming maker, approver, method and reason; never a secret', async () => {
    expect(await setSecret()).toBe('approval_required');
    expect(refusedApprovals()).toEqual([]);

    expect(await setSecret({ operatorId: TEST_ADMIN.operatorId, secret: TEST_ADMIN.secret })).toBe('approver_is_maker');
    expect(await setSecret({ operatorId: SUP.operatorId, secret: WRONG })).toBe('operator_unknown_or_wrong_secret');
    expect(await setSecret({ operatorId: 'nobody-here', secret: WRONG })).toBe('operator_unknown_or_wrong_secret');
    expect(await setSecret({ operatorId: TELLER.operatorId, secret: TELLER.secret })).toBe('approver_lacks_right');

    const method = 'vault.setSecret';
    const maker = TEST_ADMIN.operatorId;
    expect(
      refusedApprovals().map((a) => ({ operator: a.operatorId, approver: a.approverId ?? null, details: a.details })),
    ).toEqual([
      { operator: maker, approver: null, details: { method, approverId: maker, code: 'approver_is_maker' } },
      {
        operator: maker,
        approver: null,
        details: { method, approverId: SUP.operatorId, code: 'operator_unknown_or_wrong_secret' },
      },
      // An id that is no account is not recorded: it may be a secret typed into the wrong field.
      {
        operator: maker,
        approver: null,
        details: { method, approverId: null, code: 'operator_unknown_or_wrong_secret' },
      },
      {
        operator: maker,
        approver: null,
        details: { method, approverId: TELLER.operatorId, code: 'approver_lacks_right' },
      },
    ]);
    const trail = JSON.stringify(services.desk.journal.auditTrail());
    for (const secret of [WRONG, TELLER.secret, TEST_ADMIN.secret, MERCHANT_SECRET, 'nobody-here'])
      expect(trail).not.toContain(secret);
  });

  // The attack: a signed-in maker sends the same refused approval as fast as the bridge carries it, to flood the
  // audit trail (their own id is refused before any secret is checked).
  it('fold a flood of one refusal into one record a minute, never thousands', async () => {
    const before = refusedApprovals().length;
    const self = { operatorId: TEST_ADMIN.operatorId, secret: TEST_ADMIN.secret };
    const codes = await Promise.all(Array.from({ length: 300 }, () => setSecret(self)));
    expect(new Set(codes)).toEqual(new Set(['approver_is_maker']));
    // The first test's record of this kind was written less than a minute ago: all 300 are folded.
    expect(refusedApprovals().length - before).toBe(0);
    // Another kind of refusal is not folded with it.
    expect(await setSecret({ operatorId: TELLER.operatorId, secret: WRONG })).toBe('operator_unknown_or_wrong_secret');
    expect(refusedApprovals().length - before).toBe(1);
  });
});

// Attack: a teller skips the UI, which hides what their role may not do, and calls main directly (as a
// compromised renderer could): revealing a card's number, copying it, closing a card, alone or with an
// `approval` naming themself or a real supervisor. Main refuses every one before the bank is asked. And an
// approval, which carries a second operator's secret, never reaches a handler, so never the journal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FREE_ATTEMPTS } from '../../../main/core/operators/back-off.ts';
import { createServices, type Services } from '../../../main/core/services/index.ts';
import { attack } from '../../support/attack.ts';
import { leaksInFiles } from '../../support/leak-scan.ts';
import { signInAdmin } from '../../support/sign-in.ts';
import { openTestDesk, TEST_APP_INFO } from '../../support/test-desk.ts';

const TELLER = { operatorId: 'teller-1', name: 'Teller One', roles: ['teller'], secret: '60413759' };
const SUPERVISOR = { operatorId: 'sup-1', name: 'Supervisor One', roles: ['supervisor'], secret: '71524860' };
/** A passphrase, so that no id or time in the data folder can hold it by chance. */
/** An approver whose secret the attacker guesses. */
const GUESSED = { operatorId: 'sup-3', name: 'Supervisor Three', roles: ['supervisor'], secret: 'not guessable 42' };
const APPROVER = {
  operatorId: 'sup-2',
  name: 'Supervisor Two',
  roles: ['supervisor'],
  secret: 'second pair of eyes 7',
};

let services: Services;
let cardId = '';

async function call(method: string, args: unknown = {}): Promise<unknown> {
  const reply = await services.dispatch(method, args);
  if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
  return reply.value;
}

async function signInAs(who: { operatorId: string; secret: string }): Promise<void> {
  await call('session.signOut');
  await call('session.signIn', { operatorId: who.operatorId, secret: who.secret });
}

const codeOf = async (method: string, args: unknown) => {
  const reply = await services.dispatch(method, args);
  return reply.ok ? 'ran' : reply.error.code;
};

beforeAll(async () => {
  services = createServices({ desk: openTestDesk({ deadlineMs: 2_000 }), appInfo: TEST_APP_INFO, report: () => {} });
  await signInAdmin(services);
  for (const operator of [TELLER, SUPERVISOR, APPROVER, GUESSED]) await call('operators.add', operator);
  const draft = {
    product_id: 2000,
    client: { phone: 77019998855, type: 1, resident: 1, first_name: 'Teller', last_name: 'Target' },
  };
  const created = (await call('clients.create', { draft })) as { result: { client_id: string } };
  const issued = (await call('cards.issue', { clientId: created.result.client_id })) as {
    result: { cards: { card_id: string }[] };
  };
  cardId = issued.result.cards[0]?.card_id ?? '';
});
afterAll(async () => {
  await services.close();
});

describe('a teller calling main directly', () => {
  it('cannot reveal or copy card data, alone or with an approval', () =>
    attack('teller reveals card data through the dispatcher', async () => {
      await signInAs(TELLER);
      const reveal = { cardId, reason: 'client_verification' };
      const self = { operatorId: TELLER.operatorId, secret: TELLER.secret };
      const real = { operatorId: APPROVER.operatorId, secret: APPROVER.secret };
      expect(await codeOf('cards.revealSecret', reveal)).toBe('permission_denied');
      expect(await codeOf('cards.revealSecret', { ...reveal, approval: self })).toBe('permission_denied');
      expect(await codeOf('cards.revealSecret', { ...reveal, approval: real })).toBe('permission_denied');
      expect(await codeOf('clipboard.copySecret', { text: '12/29' })).toBe('permission_denied');
      const audit = (await services.dispatch('journal.audit', { action: 'card.secret.reveal' })) as {
        ok: boolean;
      };
      expect(audit.ok).toBe(false); // a teller does not read the audit trail either
      expect(services.desk.journal.auditTrail().filter((a) => a.action === 'card.secret.reveal')).toEqual([]);
    }));

  it('cannot close a card, alone or with an approval naming themself or a supervisor', () =>
    attack('teller closes a card through the dispatcher', async () => {
      await signInAs(TELLER);
      const close = { cardId, reason: 'client_request', note: '', confirm: true, balanceAcknowledged: true };
      expect(await codeOf('cards.close', close)).toBe('permission_denied');
      const self = { operatorId: TELLER.operatorId, secret: TELLER.secret };
      expect(await codeOf('cards.close', { ...close, approval: self })).toBe('permission_denied');
      const real = { operatorId: APPROVER.operatorId, secret: APPROVER.secret };
      expect(await codeOf('cards.close', { ...close, approval: real })).toBe('permission_denied');
      expect(await call('journal.count', { op: 'card.close' })).toEqual({ count: 0 });
    }));
});

describe('nobody signed in', () => {
  it('gets nothing but the sign-in methods', () =>
    attack('call main with nobody signed in', async () => {
      await call('session.signOut');
      expect(await codeOf('cards.info', { cardId })).toBe('not_signed_in');
      expect(await codeOf('profiles.list', {})).toBe('not_signed_in');
      expect(await codeOf('operators.list', {})).toBe('not_signed_in');
      expect(await codeOf('session.state', {})).toBe('ran');
      await call('session.signIn', { operatorId: TELLER.operatorId, secret: TELLER.secret });
      expect(await codeOf('cards.info', { cardId })).toBe('ran');
    }));
});

describe('an approval', () => {
  it('is checked and dropped before the handler: neither the handler nor the journal sees it', () =>
    attack('an approver secret reaches a handler or the journal', async () => {
      await signInAs(SUPERVISOR);
      const handlers = services.handlers as unknown as Record<string, (args: unknown) => Promise<unknown>>;
      const original = handlers['cards.close'];
      if (original === undefined) throw new Error('no cards.close handler');
      const seen: unknown[] = [];
      handlers['cards.close'] = (args) => {
        seen.push(args);
        return original(args);
      };
      try {
        const close = { cardId, reason: 'client_request', note: '', confirm: true, balanceAcknowledged: true };
        const approval = { operatorId: APPROVER.operatorId, secret: APPROVER.secret };
        const outcome = (await call('cards.close', { ...close, approval })) as { kind: string };
        expect(outcome.kind).toBe('done');
        // A method that never takes an approval refuses one outright.
        expect(await codeOf('cards.block', { cardId, reason: 'lost', note: '', approval })).toBe('invalid_arguments');
      } finally {
        handlers['cards.close'] = original;
      }
      // The journal names who closed the card and who approved it.
      const closes = services.desk.journal.list().filter((e) => e.op === 'card.close');
      expect(closes.map((e) => [e.operatorId, e.approverId])).toEqual([[SUPERVISOR.operatorId, APPROVER.operatorId]]);
      expect(seen).toHaveLength(1);
      expect(seen[0]).not.toHaveProperty('approval');
      expect(JSON.stringify(seen)).not.toContain(APPROVER.secret);
      expect(leaksInFiles(services.desk.dataDir, { exact: [APPROVER.secret] })).toEqual([]);
    }));
});

describe('guessing an approver’s secret', () => {
  it('counts each wrong approval against the approver, as a wrong sign-in', () =>
    attack('guess an approver secret through dual-control approvals', async () => {
      await signInAs(SUPERVISOR);
      const limits = {
        object: { type: 'card', value: cardId },
        limits: [{ transactionType: 'pay', period: 'day', max: '1000.00', currency: 'KZT' }],
      };
      for (let i = 0; i < FREE_ATTEMPTS; i++) {
        const approval = { operatorId: GUESSED.operatorId, secret: `guess number ${String(i)}` };
        expect(await codeOf('limits.set', { ...limits, approval })).toBe('operator_unknown_or_wrong_secret');
      }
      // The back-off holds even for the right secret now, and for the approver's own sign-in.
      const right = { operatorId: GUESSED.operatorId, secret: GUESSED.secret };
      expect(await codeOf('limits.set', { ...limits, approval: right })).toBe('operator_locked');
      await call('session.signOut');
      expect(await codeOf('session.signIn', right)).toBe('operator_locked');
    }));
});

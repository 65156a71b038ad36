// Attack: a PIN, CVV, card number or secret typed into a form must never be kept in the draft store, which
// lives across a lock (docs/operator-ui.md, forms and drafts), whatever the field is called.
import { describe, expect, it } from 'vitest';
import { clearAllDrafts, draftOf, draftsSnapshot, saveDraft } from '../../../renderer/src/app/drafts.ts';
import { attack } from '../../support/attack.ts';

const PIN = '739158';
const PAN = '4400430212345674'; // Luhn-valid
const CVV = '381';
const SECRET = 'merchant-secret-canary-9f2c';

describe('the draft store', () => {
  it('keeps an ordinary half-filled form', () => {
    clearAllDrafts();
    saveDraft('client.create', { client: { first_name: 'Dana', phone: 77012345678 }, productCode: '12' });
    expect(draftOf('client.create')).toEqual({ client: { first_name: 'Dana', phone: 77012345678 }, productCode: '12' });
  });

  it('drops a form reset to its defaults', () => {
    clearAllDrafts();
    const defaults = JSON.stringify({ name: '' });
    saveDraft('gift.issue', { name: 'A' }, [], defaults);
    saveDraft('gift.issue', { name: '' }, [], defaults);
    expect(draftOf('gift.issue')).toBeUndefined();
  });

  it('never holds a typed PIN, CVV, card number or secret', async () => {
    await attack('draft store keeps a typed PIN, CVV, card number or secret', () => {
      clearAllDrafts();
      saveDraft('card.setPin', { pin: PIN, repeatPin: PIN, newPin: PIN, note: 'ok' });
      saveDraft('card.reveal', { cvv: CVV, cvv2: CVV, card_pan: PAN, cardNumber: PAN, PAN });
      saveDraft('profile', {
        merchantSecret: SECRET,
        secret: SECRET,
        password: SECRET,
        sms_code: '1234',
        code: '5678',
      });
      // A card number typed into an innocent field, nested, spaced or in a list.
      saveDraft('client.create', {
        client: { external_user_id: PAN, note: '4400 4302 1234 5674', tags: [PAN] },
        comment: 'kept',
      });
      // A field the form itself names as excluded.
      saveDraft('limits:1', { max: '10', oneTimeValue: PIN }, ['oneTimeValue']);
      const held = draftsSnapshot();
      for (const canary of [PIN, PAN, CVV, SECRET, '4400 4302 1234 5674', '5678']) expect(held).not.toContain(canary);
      expect(draftOf('client.create')).toEqual({ client: { tags: [] }, comment: 'kept' });
      expect(draftOf('card.setPin')).toEqual({ note: 'ok' });
    });
  });
});

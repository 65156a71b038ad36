// Attack: get a card number, a CVV, a PIN, a secret, a client's name, phone or document to the bank's syslog
// server through the audit trail or an operation's outcome (docs/architecture.md, shipping to the log server).
import { expect, it } from 'vitest';
import { Journal } from '../../../main/core/journal/index.ts';
import { journalParams } from '../../../main/core/journal/redact.ts';
import { Outbox } from '../../../main/core/shipping/outbox.ts';
import { recordMessage } from '../../../main/core/shipping/record-message.ts';
import { formatSyslog, octetFrame } from '../../../main/core/shipping/syslog-format.ts';
import { attack } from '../../support/attack.ts';
import { intent } from '../../support/journal-records.ts';
import { shippingOn } from '../../support/shipping-on.ts';
import { tempDir } from '../../support/temp-dir.ts';

const PAN = '4111111111111111';
const CANARIES = [PAN, '987', '1234', 'S3cr3t-merchant', 'Aigerim', 'Nurlanovna', '+77011234567', 'AB1234567'];

it('ships no secret, card data, name, phone or document', async () => {
  await attack('shipping: sensitive data to the syslog server', () => {
    const dir = tempDir();
    shippingOn(dir);
    const journal = Journal.open(dir);
    // What an operator or a careless caller could put in front of the audit trail.
    journal.recordAudit({
      key: 'a1',
      at: 1,
      action: 'card.secret.reveal',
      details: {
        reason: `customer_request ${PAN}`,
        note: `card ${PAN} for Aigerim Nurlanovna`,
        clientName: 'Aigerim',
        phone: '+77011234567',
        document: 'AB1234567',
        pin: '1234',
        cvv: '987',
        secret: 'S3cr3t-merchant',
        comment: `typed ${PAN}`,
      },
    });
    const body = {
      client: {
        first_name: 'Aigerim',
        last_name: 'Nurlanovna',
        phone: '+77011234567',
        document: { number: 'AB1234567' },
      },
      pin: '1234',
      card_number: PAN,
    };
    journal.recordIntent({ ...intent('k1', 2), op: 'client.create', params: journalParams('client.create', body) });
    journal.recordOutcome({
      key: 'k1',
      at: 3,
      state: 'failed',
      error: { code: 'invalid_document', description: 'document AB1234567 of Aigerim is invalid' },
      result: { first_name: 'Aigerim' },
    });
    journal.close();
    const outbox = new Outbox(dir);
    const rows = outbox.next(100);
    outbox.close();
    const context = { installId: 'f'.repeat(32), hostname: 'h', procId: '1', facility: 'local0' as const };
    const shipped = Buffer.concat(rows.map((r) => octetFrame(formatSyslog(recordMessage(r, context))))).toString();
    expect(rows).toHaveLength(2);
    for (const canary of CANARIES) expect(shipped).not.toContain(canary);
    expect(shipped).toContain('d.reason="customer_request 411111******1111"');
    expect(shipped).not.toContain('d.comment');
    expect(shipped).toContain('error="invalid_document"');
  });
});

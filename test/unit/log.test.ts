import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createLog } from '../../main/core/log/logger.ts';
import { luhnValid } from '../../common/card-api/pan.ts';
import { Redactor } from '../../main/core/log/redact.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('redaction', () => {
  const r = new Redactor();
  r.addSecret('embedded-secret-1234');

  it('masks Luhn-valid card numbers and keeps other digit runs', () => {
    expect(luhnValid('4000001234567899')).toBe(true);
    expect(r.redact('pan 4000001234567899 phone 77011234567')).toBe('pan 400000******7899 phone 77011234567');
    expect(r.redact('id 4000001234567890')).toBe('id 4000001234567890');
  });

  it('masks values of sensitive keys in JSON and header form', () => {
    expect(r.redact('{"card_id":"c1","cvv":"123","pin":"MTIz"}')).toBe(
      '{"card_id":"c1","cvv":"[redacted]","pin":"[redacted]"}',
    );
    expect(r.redact('Sign: 9c90a4ddb3eca680 X-JWS-Signature=eyJ1cmki..abc')).toBe(
      'Sign: "[redacted]" X-JWS-Signature="[redacted]"',
    );
  });

  it('redacts secrets, PINs, signatures, grouped PANs and free-text CVVs', () => {
    const text = r.redact(
      'Sign: abc123 X-JWS-Signature=eyJhbGciOiJIUzUxMiJ9..sig pin=1234 "secret":"s3cr3t" pan 4111 1111 1111 1111 cvv 123',
    );
    for (const leaked of ['abc123', 'eyJhbGci', '1234', 's3cr3t', '4111 1111 1111 1111', 'cvv 123']) {
      expect(text).not.toContain(leaked);
    }
    expect(text).toContain('411111******1111');
  });

  it('removes registered secrets wherever they appear', () => {
    expect(r.redact('failed with embedded-secret-1234 inside')).toBe('failed with [redacted] inside');
  });
});

describe('application log', () => {
  it('writes redacted lines to logs/card-desk.log in the data folder', async () => {
    const dir = tempDir();
    const log = createLog(dir);
    log.redactor.addSecret('canary-log-secret');
    log.info('operation', { op: 'card.secret', pan: '4000001234567899', cvv: '321' });
    log.error('boom', new Error('leaked canary-log-secret and 4000001234567899'));
    await delay(50);
    const text = readFileSync(log.path, 'utf8');
    expect(text).toContain('operation');
    expect(text).toContain('boom');
    for (const leak of ['canary-log-secret', '4000001234567899', '"321"']) expect(text).not.toContain(leak);
  });
});

import { describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../main/core/card-api/envelope.ts';
import { interpret } from '../../main/core/card-api/interpret.ts';

describe('payment-card envelope (docs/card-api.md, envelopes)', () => {
  it('parses an accepted async answer', () => {
    expect(parseEnvelope('card', '{"status":"ok","request_status":"process","dt":"2026-01-01T00:00:00Z"}')).toEqual({
      kind: 'ok',
      requestStatus: 'process',
      fields: { request_status: 'process' },
    });
  });
  it('parses a business error with code and description', () => {
    const e = parseEnvelope(
      'card',
      '{"status":"error","error_code":"card_not_found","error_description":"no card c9"}',
    );
    expect(e).toEqual({ kind: 'business', code: 'card_not_found', description: 'no card c9', fields: {} });
  });
  it('copes with an error without code or description by showing the raw body', () => {
    const e = parseEnvelope('card', '{"status":"error","message":"Подпись неверна"}');
    expect(e.kind).toBe('business');
    if (e.kind === 'business') {
      expect(e.code).toBe('unknown_error');
      expect(e.description).toContain('Подпись неверна');
    }
  });
  it('calls non-JSON, non-objects, missing status and odd request_status malformed', () => {
    expect(parseEnvelope('card', '<html>502</html>').kind).toBe('malformed');
    expect(parseEnvelope('card', '[1]').kind).toBe('malformed');
    expect(parseEnvelope('card', '{"request_status":"success"}').kind).toBe('malformed');
    expect(parseEnvelope('card', '{"status":"ok","request_status":"done"}').kind).toBe('malformed');
  });
});

describe('gift envelope (docs/card-api.md, envelopes, dictionaries)', () => {
  it('treats status 0 as success and keeps the operation fields', () => {
    expect(parseEnvelope('gift', '{"datetime":"2026-01-01 10:00:00","status":0,"card_id":700001}')).toEqual({
      kind: 'ok',
      requestStatus: undefined,
      fields: { card_id: 700001 },
    });
  });
  it('maps negative statuses to the documented errors', () => {
    const e = parseEnvelope('gift', '{"datetime":"2026-01-01 10:00:00","status":-8}');
    expect(e).toMatchObject({ kind: 'business', code: 'gift:-8', description: 'wrong one-time code' });
    expect(parseEnvelope('gift', '{"status":"0"}').kind).toBe('malformed');
  });
});

describe('outcome classification (docs/card-api.md, transport, safe retry)', () => {
  const answered = (status: number, text: string, retryAfterMs?: number) =>
    ({ kind: 'answered', status, text, retryAfterMs }) as const;
  it('accepts, refuses business errors, and never guesses about lost requests', () => {
    expect(interpret('card', answered(200, '{"status":"ok","request_status":"success"}')).kind).toBe('ok');
    expect(interpret('card', answered(200, '{"status":"error","error_code":"invalid_card_state"}'))).toMatchObject({
      kind: 'business',
      code: 'invalid_card_state',
    });
    expect(interpret('card', { kind: 'lost', reason: 'no answer within 10 ms' }).kind).toBe('unknown');
    expect(interpret('card', answered(200, '{"status":"ok"')).kind).toBe('unknown');
    expect(interpret('card', answered(500, 'oops')).kind).toBe('unknown');
    expect(interpret('card', answered(503, '<html/>')).kind).toBe('unknown');
  });
  it('keeps Retry-After of a 429 (default 1 s)', () => {
    expect(interpret('card', answered(429, '', 2000))).toMatchObject({ kind: 'unknown', retryAfterMs: 2000 });
    expect(interpret('card', answered(429, ''))).toMatchObject({ kind: 'unknown', retryAfterMs: 1000 });
  });
  it('treats undelivered requests and HTTP refusals as provably not processed', () => {
    expect(interpret('card', { kind: 'not-sent', reason: 'ECONNREFUSED' }).kind).toBe('refused');
    expect(interpret('card', answered(403, 'Forbidden')).kind).toBe('refused');
    expect(interpret('card', answered(407, 'Proxy Authentication Required')).kind).toBe('refused');
  });
});

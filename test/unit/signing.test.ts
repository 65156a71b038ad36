import { describe, expect, it } from 'vitest';
import {
  jwsHs512Sign,
  jwsProtectedHeader,
  parseJwsHeader,
  sha256BodySign,
  signatureHeaders,
  signaturesEqual,
} from '../../main/core/card-api/signing.ts';

const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('sha256-body (docs/card-api.md, signing vectors)', () => {
  const secret = utf8('some_secret_string');
  it('signs the string-typed body exactly', () => {
    const body = '{"cardholder_name":"IVANOV IVAN IVANOVICH","phone":"79651234567","product_code":"1","card_id":555}';
    expect(sha256BodySign(utf8(body), secret)).toBe('9c90a4ddb3eca6808406c4febbcd1b07099895b145419520ed7a52165ba755e9');
  });
  it('signs the number-typed body exactly (types change the bytes, so the signature)', () => {
    const body = '{"cardholder_name":"IVANOV IVAN IVANOVICH","phone":79651234567,"product_code":1,"card_id":555}';
    expect(sha256BodySign(utf8(body), secret)).toBe('e052b3bd72f1653a556e0209b011c265a64a3ca352653f6f54767d3fafd62e74');
  });
  it('puts Auth-Id and Sign in the headers', () => {
    const body = utf8('{"card_id":"1"}');
    const headers = signatureHeaders({ scheme: 'sha256-body', path: '/x', merchantId: 42, body }, secret);
    expect(headers).toEqual({ 'Auth-Id': '42', Sign: sha256BodySign(body, secret) });
  });
});

describe('jws-hs512 (docs/card-api.md, signing vector)', () => {
  const path = '/v5/card-api/request/status';
  const body = utf8('{"request_id":"828cf71d-a447-4a67-a149-c1df8bc197ca"}');
  const expected =
    'eyJ1cmkiOiIvdjUvY2FyZC1hcGkvcmVxdWVzdC9zdGF0dXMiLCJhdXRoX2lkIjoiMTIzNDU2IiwibWV0aG9kIjoiUE9TVCIsInBhcmFtcyI6IiIsImFsZyI6IkhTNTEyIn0..f1sQoeIpX_ZjOaykQzSeylvvKaVrEQV4gNM2ACFbEMkFDUV9Zk5WO1yQGEWez-vnQMVHodLBDVEyh5Xm2-3MjQ';

  it('reproduces the documented detached JWS', () => {
    expect(jwsHs512Sign(path, 123456, body, utf8('secret'))).toBe(expected);
  });
  it('keeps the protected header keys in the documented order', () => {
    expect(jwsProtectedHeader(path, 123456)).toBe(
      '{"uri":"/v5/card-api/request/status","auth_id":"123456","method":"POST","params":"","alg":"HS512"}',
    );
  });
  it('changes with one byte of the body', () => {
    expect(
      jwsHs512Sign(path, 123456, utf8('{"request_id":"828cf71d-a447-4a67-a149-c1df8bc197cb"}'), utf8('secret')),
    ).not.toBe(expected);
  });
  it('sends only X-JWS-Signature as the signature header', () => {
    expect(signatureHeaders({ scheme: 'jws-hs512', path, merchantId: 123456, body }, utf8('secret'))).toEqual({
      'X-JWS-Signature': expected,
    });
  });
  it('parses the claimed merchant and path back out, and refuses non-detached values', () => {
    expect(parseJwsHeader(expected)).toEqual({ authId: '123456', uri: path, alg: 'HS512' });
    expect(parseJwsHeader('abc.def.ghi')).toBeUndefined();
    expect(parseJwsHeader('not a jws')).toBeUndefined();
    expect(parseJwsHeader(`${Buffer.from('[]').toString('base64url')}..x`)).toBeUndefined();
  });
});

describe('signaturesEqual', () => {
  it('compares exactly', () => {
    expect(signaturesEqual('abc', 'abc')).toBe(true);
    expect(signaturesEqual('abc', 'abd')).toBe(false);
    expect(signaturesEqual('abc', 'abcd')).toBe(false);
  });
});

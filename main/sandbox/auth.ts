// Step 1 of every API call: who is calling, and did they sign these exact bytes (docs/card-api.md, signing, sandbox).
import type { IncomingHttpHeaders } from 'node:http';
import { jwsHs512Sign, parseJwsHeader, sha256BodySign, signaturesEqual } from '../core/card-api/signing.ts';
import type { Failure } from './envelopes.ts';

export type AuthResult = { ok: true; merchantId: number } | { ok: false; failure: Failure };

const invalid = (description: string): AuthResult => ({
  ok: false,
  failure: { code: 'invalid_signature', description },
});
const unknown = (id: string): AuthResult => ({
  ok: false,
  failure: { code: 'unknown_merchant', description: `unknown merchant ${JSON.stringify(id)}` },
});

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
}

function merchantIdOf(text: string): number | undefined {
  return /^[1-9]\d{0,15}$/.test(text) ? Number(text) : undefined;
}

/** A JWS header takes precedence over Auth-Id/Sign, like the KZ host expects it alone. */
export function authenticate(
  headers: IncomingHttpHeaders,
  path: string,
  body: Buffer,
  secretOf: (merchantId: number) => Buffer | undefined,
): AuthResult {
  const jws = header(headers, 'x-jws-signature');
  if (jws !== undefined) {
    const claims = parseJwsHeader(jws);
    if (claims === undefined) return invalid('X-JWS-Signature is not a detached JWS');
    const id = merchantIdOf(claims.authId);
    const secret = id === undefined ? undefined : secretOf(id);
    if (id === undefined || secret === undefined) return unknown(claims.authId);
    if (claims.alg !== 'HS512') return invalid(`JWS alg must be HS512, not ${claims.alg}`);
    if (claims.uri !== path) return invalid(`JWS uri ${JSON.stringify(claims.uri)} does not match the request path`);
    if (!signaturesEqual(jws, jwsHs512Sign(path, id, body, secret))) return invalid('JWS signature does not match');
    return { ok: true, merchantId: id };
  }
  const authId = header(headers, 'auth-id');
  if (authId === undefined) return invalid('no X-JWS-Signature or Auth-Id header');
  const id = merchantIdOf(authId.trim());
  const secret = id === undefined ? undefined : secretOf(id);
  if (id === undefined || secret === undefined) return unknown(authId);
  const sign = header(headers, 'sign');
  if (sign === undefined) return invalid('Sign header missing');
  if (!signaturesEqual(sign, sha256BodySign(body, secret))) return invalid('Sign does not match the body');
  return { ok: true, merchantId: id };
}

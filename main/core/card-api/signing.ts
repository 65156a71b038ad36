// Request signing, docs/card-api.md, signing. Both schemes sign the exact body bytes that are sent.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

import type { Scheme } from '../../../common/card-api/schemes.ts';

export { SCHEMES, type Scheme } from '../../../common/card-api/schemes.ts';

/** Gives the secret to a signing function only; nothing else ever holds it (docs/architecture.md, security). */
export interface SecretSource {
  withSecret<T>(use: (secret: Buffer) => T): Promise<T>;
}

/** docs/card-api.md, signing: lower-case hex SHA-256 of `<body><secret>`. */
export function sha256BodySign(body: Uint8Array, secret: Uint8Array): string {
  return createHash('sha256').update(body).update(secret).digest('hex');
}

/** docs/card-api.md, signing step 1: compact JSON, keys in this exact order. */
export function jwsProtectedHeader(path: string, merchantId: number | string): string {
  return JSON.stringify({ uri: path, auth_id: String(merchantId), method: 'POST', params: '', alg: 'HS512' });
}

/** docs/card-api.md, signing: detached JWS `base64url(header)..base64url(HMAC-SHA512(secret, header.payload))`. */
export function jwsHs512Sign(path: string, merchantId: number | string, body: Uint8Array, secret: Uint8Array): string {
  const header = Buffer.from(jwsProtectedHeader(path, merchantId)).toString('base64url');
  const signingInput = `${header}.${Buffer.from(body).toString('base64url')}`;
  const signature = createHmac('sha512', secret).update(signingInput).digest('base64url');
  return `${header}..${signature}`;
}

export interface SignInput {
  scheme: Scheme;
  path: string;
  merchantId: number;
  body: Uint8Array;
}

/** The authentication headers for one request (Request-Id is added by the caller). */
export function signatureHeaders(input: SignInput, secret: Uint8Array): Record<string, string> {
  if (input.scheme === 'sha256-body') {
    return { 'Auth-Id': String(input.merchantId), Sign: sha256BodySign(input.body, secret) };
  }
  return { 'X-JWS-Signature': jwsHs512Sign(input.path, input.merchantId, input.body, secret) };
}

/** Constant-time comparison of two ASCII signatures. */
export function signaturesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Reads the claimed merchant and path from a detached JWS header; undefined when it is not one. */
export function parseJwsHeader(value: string): { authId: string; uri: string; alg: string } | undefined {
  const [encoded, payload, signature] = value.split('.');
  if (encoded === undefined || payload !== '' || signature === undefined) return undefined;
  try {
    const header: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    if (typeof header !== 'object' || header === null) return undefined;
    const { auth_id: authId, uri, alg } = header as Record<string, unknown>;
    if (typeof authId !== 'string' || typeof uri !== 'string' || typeof alg !== 'string') return undefined;
    return { authId, uri, alg };
  } catch {
    return undefined;
  }
}

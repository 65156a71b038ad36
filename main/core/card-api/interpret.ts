// Classifies one HTTP exchange per docs/card-api.md, transport and safe retry.
import type { Api } from '../../../common/card-api/catalog/index.ts';
import { parseEnvelope, type RequestStatus } from './envelope.ts';
import type { Exchange } from './transport.ts';

export type Interpretation =
  | { kind: 'ok'; requestStatus: RequestStatus | undefined; fields: Record<string, unknown> }
  | { kind: 'business'; code: string; description: string }
  /** It may have been processed: timeout, broken connection, 5xx, 429, unparsable answer. */
  | { kind: 'unknown'; reason: string; retryAfterMs?: number }
  /** Provably not processed: never delivered, or refused by HTTP (401/403, proxy errors, other 4xx). */
  | { kind: 'refused'; reason: string };

export function interpret(api: Api, exchange: Exchange): Interpretation {
  if (exchange.kind === 'not-sent') return { kind: 'refused', reason: `not delivered: ${exchange.reason}` };
  if (exchange.kind === 'lost') return { kind: 'unknown', reason: exchange.reason };
  const { status } = exchange;
  if (status === 429) {
    return { kind: 'unknown', reason: 'HTTP 429 (too many requests)', retryAfterMs: exchange.retryAfterMs ?? 1000 };
  }
  if (status >= 500) return { kind: 'unknown', reason: `HTTP ${String(status)} from the server` };
  if (status !== 200) return { kind: 'refused', reason: `HTTP ${String(status)} from the server` };
  const envelope = parseEnvelope(api, exchange.text);
  if (envelope.kind === 'malformed') return { kind: 'unknown', reason: envelope.reason };
  if (envelope.kind === 'business') {
    return { kind: 'business', code: envelope.code, description: envelope.description };
  }
  return { kind: 'ok', requestStatus: envelope.requestStatus, fields: envelope.fields };
}

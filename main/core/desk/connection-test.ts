// Testing a profile's connection with a harmless signed call (Request status of a random id): the answer tells
// a good signature from a bad one, an unknown merchant and an unreachable server (docs/card-api.md, signing).
import { randomUUID } from 'node:crypto';
import type { ConnectionTest } from '../../../common/contract/index.ts';
import type { CardApiClient } from '../card-api/client.ts';

export async function testConnection(client: CardApiClient): Promise<ConnectionTest> {
  const outcome = await client.read('request.status', { request_id: randomUUID() });
  if (outcome.kind === 'failed' && outcome.code === 'request_not_found') return { result: 'signature_accepted' };
  if (outcome.kind === 'failed' && (outcome.code === 'invalid_signature' || outcome.code === 'unknown_merchant')) {
    return { result: outcome.code, description: outcome.description };
  }
  if (outcome.kind === 'transport' || outcome.kind === 'unknown')
    return { result: 'unreachable', reason: outcome.reason };
  return { result: 'unexpected', description: JSON.stringify(outcome) };
}

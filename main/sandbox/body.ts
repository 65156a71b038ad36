// Reads a request body as raw bytes (signatures cover the exact bytes) with a size limit.
import type { IncomingMessage } from 'node:http';

export const BODY_LIMIT = 4 * 1024 * 1024;
/** Past this the rest is not worth draining: the socket is dropped. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

export type BodyResult =
  | { kind: 'ok'; body: Buffer }
  /** Over the limit; `drained` says whether the connection can still carry an answer. */
  | { kind: 'too_large'; drained: boolean }
  | { kind: 'aborted' };

/**
 * An oversized body is read to the end and thrown away (up to DRAIN_LIMIT), so the client
 * sees a clean 413 instead of a reset while it is still sending.
 */
export function readBody(req: IncomingMessage, limit = BODY_LIMIT): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > DRAIN_LIMIT) {
        finish({ kind: 'too_large', drained: false });
        req.destroy();
      }
    });
    req.on('end', () => {
      finish(size <= limit ? { kind: 'ok', body: Buffer.concat(chunks, size) } : { kind: 'too_large', drained: true });
    });
    req.on('error', () => {
      finish({ kind: 'aborted' });
    });
    req.on('close', () => {
      finish({ kind: 'aborted' });
    });
  });
}

// Sends one batch of framed messages on a connection of its own and waits for proof that the server read it
// (docs/architecture.md, "Shipping to the log server"). Syslog over TCP and TLS has no acknowledgement, and a
// write that Node reports done is only in our kernel's buffer. So the batch ends with our end of the stream,
// and it counts as delivered only when the server, having read to that end, closes its side cleanly. Anything
// else (refused, reset, TLS failure, no close in time) is a failure, and the whole batch is sent again later.
import { connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { isIP } from 'node:net';

export interface SyslogTarget {
  host: string;
  port: number;
  transport: 'tls' | 'tcp';
  /** PEM of the CA that signed the server's certificate (tls). */
  ca?: string;
}

export class ShipError extends Error {
  override name = 'ShipError';
}

function open(target: SyslogTarget): Socket | TLSSocket {
  if (target.transport === 'tcp') return tcpConnect({ host: target.host, port: target.port });
  return tlsConnect({
    host: target.host,
    port: target.port,
    ...(target.ca === undefined ? {} : { ca: target.ca }),
    // The server's name is checked against its certificate; SNI only for a DNS name.
    ...(isIP(target.host) === 0 ? { servername: target.host } : {}),
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
  });
}

/**
 * Resolves once the server has read `frames` and closed; rejects with a one-line reason otherwise. `signal`
 * abandons the batch (the app is closing): it is not delivered, and goes again at the next start.
 */
export function sendBatch(
  target: SyslogTarget,
  frames: Buffer,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(new ShipError('shipping stopped'));
      return;
    }
    const socket = open(target);
    const abandon = () => {
      finish(new ShipError('shipping stopped'));
    };
    signal?.addEventListener('abort', abandon, { once: true });
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', abandon);
      socket.destroy();
      if (error === undefined) resolve();
      else reject(error);
    };
    const timer = setTimeout(() => {
      finish(new ShipError(`no answer from ${target.host}:${String(target.port)} within ${String(timeoutMs)} ms`));
    }, timeoutMs);
    const ready = target.transport === 'tls' ? 'secureConnect' : 'connect';
    // Handed whole to the kernel: known from the write's callback ('finish' waits for our FIN's own callback,
    // which may come after the server's answer to it).
    let written = false;
    socket.once(ready, () => {
      socket.write(frames, (error) => {
        written = error == null;
      });
      socket.end();
    });
    socket.on('data', () => undefined); // a syslog server says nothing; read whatever comes so 'end' can fire
    socket.once('end', () => {
      // The server closed its side after our end: it read the batch. Closing before our end is a failure.
      if (written) finish();
      else finish(new ShipError('the server closed the connection before the batch was written'));
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      finish(
        new ShipError(`${target.transport} to ${target.host}:${String(target.port)}: ${error.code ?? error.message}`),
      );
    });
    socket.once('close', () => {
      finish(new ShipError('the connection closed before the server confirmed the batch'));
    });
  });
}

// A real rsyslogd for the shipping tests (docs/architecture.md, shipping to the log server): a throw-away CA
// and server certificate made with the openssl CLI, rsyslogd in the foreground as our child on loopback ports
// (imptcp for plain TCP, imtcp with the gtls driver for TLS), every message written to a file the test reads.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';

export const RSYSLOGD = '/usr/sbin/rsyslogd';
const GTLS = ['/usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_gtls.so', '/usr/lib/aarch64-linux-gnu/rsyslog/lmnsd_gtls.so'];

/** Why the rsyslog tests cannot run here, or undefined when they can. */
export function rsyslogMissing(): string | undefined {
  if (!existsSync(RSYSLOGD)) return `${RSYSLOGD} is absent (apt-get install rsyslog rsyslog-gnutls)`;
  if (!GTLS.some((f) => existsSync(f))) return 'the rsyslog gtls driver is absent (apt-get install rsyslog-gnutls)';
  return undefined;
}

export interface TestPki {
  caFile: string;
  certFile: string;
  keyFile: string;
  /** A second CA that signed nothing of the server's: trusting it must fail. */
  otherCaFile: string;
}

/** A CA, a server certificate for 127.0.0.1 and localhost signed by it, and an unrelated CA (EC keys: quick). */
export function makePki(dir: string): TestPki {
  mkdirSync(dir, { recursive: true });
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  for (const ca of ['ca', 'other-ca'])
    run(['req', '-x509', ...ec, '-keyout', `${ca}.key`, '-out', `${ca}.pem`, '-days', '2', '-subj', `/CN=${ca}`]);
  run(['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost']);
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  run(
    ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial'].concat([
      '-out',
      'server.pem',
      '-days',
      '2',
      '-extfile',
      'server.ext',
    ]),
  );
  return {
    caFile: join(dir, 'ca.pem'),
    certFile: join(dir, 'server.pem'),
    keyFile: join(dir, 'server.key'),
    otherCaFile: join(dir, 'other-ca.pem'),
  };
}

/**
 * A loopback port that was free a moment ago, below Linux's ephemeral range (32768 and up): the server is stopped
 * and started again on it, and meanwhile no outgoing connection of another process may take it as its own.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const server = createServer();
    const bound = await new Promise<boolean>((resolve) => {
      server.once('error', () => {
        resolve(false);
      });
      server.listen(port, '127.0.0.1', () => {
        resolve(true);
      });
    });
    if (!bound) continue;
    server.close();
    await once(server, 'close');
    return port;
  }
}

async function listening(port: number, deadline: number, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('rsyslogd exited');
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => {
        resolve(false);
      });
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`rsyslogd did not listen on ${String(port)}`);
    await delay(25);
  }
}

/** One rsyslogd: plain TCP on `tcpPort`, TLS on `tlsPort`; start, stop (SIGTERM) and start again on the same ports. */
export class Rsyslog {
  readonly tcpPort: number;
  readonly tlsPort: number;
  readonly output: string;
  private readonly conf: string;
  private readonly dir: string;
  private child: ChildProcess | undefined;

  private constructor(dir: string, pki: TestPki, tcpPort: number, tlsPort: number) {
    this.dir = dir;
    this.tcpPort = tcpPort;
    this.tlsPort = tlsPort;
    this.output = join(dir, 'received.log');
    this.conf = join(dir, 'rsyslog.conf');
    mkdirSync(join(dir, 'work'), { recursive: true });
    writeFileSync(
      this.conf,
      `global(workDirectory="${join(dir, 'work')}" maxMessageSize="64k"
  defaultNetstreamDriverCAFile="${pki.caFile}" defaultNetstreamDriverCertFile="${pki.certFile}"
  defaultNetstreamDriverKeyFile="${pki.keyFile}")
module(load="imptcp")
module(load="imtcp" streamDriver.name="gtls" streamDriver.mode="1" streamDriver.authMode="anon")
template(name="received" type="string" string="%msgid% %structured-data%\\n")
ruleset(name="shipped") {
  action(type="omfile" file="${this.output}" template="received" flushOnTXEnd="on" asyncWriting="off")
}
input(type="imptcp" address="127.0.0.1" port="${String(tcpPort)}" ruleset="shipped")
input(type="imtcp" address="127.0.0.1" port="${String(tlsPort)}" ruleset="shipped")
`,
    );
  }

  static async start(dir: string, pki: TestPki): Promise<Rsyslog> {
    const server = new Rsyslog(dir, pki, await freePort(), await freePort());
    await server.start();
    return server;
  }

  private starts = 0;

  /** Starts rsyslogd and waits until both ports listen; on a busy machine a start that hangs is tried again. */
  async start(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.startOnce();
        return;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  private async startOnce(): Promise<void> {
    this.starts++;
    // A pid file of its own each time: a stale one (whose pid the system reused) would stop rsyslogd.
    const pidFile = join(this.dir, `rsyslogd-${String(this.starts)}.pid`);
    const child = spawn(RSYSLOGD, ['-n', '-f', this.conf, '-i', pidFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    this.child = child;
    const deadline = Date.now() + 15_000;
    try {
      await listening(this.tcpPort, deadline, child);
      await listening(this.tlsPort, deadline, child);
    } catch (error) {
      const exited = child.exitCode === null && child.signalCode === null ? once(child, 'exit') : Promise.resolve();
      child.kill('SIGKILL');
      await exited;
      this.child = undefined;
      throw new Error(`${(error as Error).message} (exit ${String(child.exitCode)}): ${stderr}`);
    }
  }

  /** A clean stop: rsyslogd writes what it has read, then exits. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child === undefined || child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }

  /** Every message received so far: [msgid, the SD params as an object]. */
  received(): { msgId: string; params: Record<string, string> }[] {
    if (!existsSync(this.output)) return [];
    return readFileSync(this.output, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        const params: Record<string, string> = {};
        for (const m of line.matchAll(/ ([^ =\]"]+)="((?:[^"\\]|\\.)*)"/g))
          params[m[1] ?? ''] = (m[2] ?? '').replace(/\\(.)/g, '$1');
        return { msgId: line.slice(0, line.indexOf(' ')), params };
      });
  }

  raw(): string {
    return existsSync(this.output) ? readFileSync(this.output, 'utf8') : '';
  }
}

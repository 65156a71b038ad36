// The shipping proof (docs/architecture.md, shipping to the log server): 10,000 audit records and operation
// outcomes written while a shipper in a child process sends them over TLS to a real rsyslogd; the server is
// stopped for part of the time and the shipper is killed (SIGKILL) once, after the server confirmed a batch and
// before the shipper recorded it, and started again over the same data folder. Every record arrives, in order
// by its stable id once duplicates are dropped, and none is lost.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { SyslogPolicy } from '../../common/settings/syslog.ts';
import { Outbox } from '../../main/core/shipping/outbox.ts';
import { readInstallId } from '../../main/core/vault/install-id.ts';
import { makePki, Rsyslog, rsyslogMissing } from '../support/rsyslog.ts';
import { shippingOn } from '../support/shipping-on.ts';
import { tempDir } from '../support/temp-dir.ts';
import { recordFigures } from './figures.ts';

const CHILD = join(import.meta.dirname, 'shipping-child.ts');
const RECORDS = 10_000;
const OUTCOME_EVERY = 10; // one record in ten is an operation's outcome, the others audit records
const missing = rsyslogMissing();
if (missing !== undefined) console.warn(`syslog-shipping: skipped: ${missing}`);

let shipper: ChildProcess | undefined;
let server: Rsyslog | undefined;
afterAll(async () => {
  shipper?.kill('SIGKILL');
  await server?.stop();
});

async function startShipper(dir: string, policy: SyslogPolicy): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CHILD, dir, JSON.stringify(policy), join(dir, '..', 'pause')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await once(child.stdout, 'data');
  return child;
}

/** Writes `count` records from `from` (1-based), in transactions of 250, as another process's writer would. */
async function write(db: DatabaseSync, from: number, count: number): Promise<void> {
  const audit = db.prepare("INSERT INTO audit (key, at, action, details) VALUES (?, ?, 'proof', '{}')");
  const open = db.prepare(
    `INSERT INTO operations (key, op, at, connection, body_sha256, params, deadline_ms, state, updated_at)
     VALUES (?, 'card.block', ?, '{}', '', '{}', 1000, 'sending', ?)`,
  );
  const settle = db.prepare("UPDATE operations SET state = 'done', updated_at = ? WHERE key = ?");
  for (let n = from; n < from + count; n++) {
    if ((n - from) % 250 === 0) db.exec('BEGIN IMMEDIATE');
    const key = `r${String(n)}`;
    if (n % OUTCOME_EVERY === 0) {
      open.run(key, n, n);
      settle.run(n + 0.5, key);
    } else audit.run(key, n);
    if ((n - from) % 250 === 249 || n === from + count - 1) {
      db.exec('COMMIT');
      await delay(5);
    }
  }
}

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(20);
  }
}

describe.skipIf(missing !== undefined)('shipping 10,000 records through a stopped server and a killed shipper', () => {
  it('delivers every record, in order, none lost', async () => {
    const started = Date.now();
    const root = tempDir('card-desk-ship-proof-');
    const pki = makePki(join(root, 'pki'));
    server = await Rsyslog.start(join(root, 'server'), pki);
    const dir = join(root, 'data');
    shippingOn(dir);
    const installId = readInstallId(dir);
    const policy: SyslogPolicy = { host: '127.0.0.1', port: server.tlsPort, transport: 'tls', caFile: pki.caFile };
    const db = new DatabaseSync(join(dir, 'journal.db'), { timeout: 10_000 });
    const outbox = new Outbox(dir);
    const shipped = () => outbox.status().lastShippedSeq ?? 0;

    shipper = await startShipper(dir, policy);
    await write(db, 1, 3_000);
    await until(() => shipped() >= 1_000, 'the first thousand');

    await server.stop(); // the server goes away; the workstation goes on writing
    await write(db, 3_001, 3_000);
    await until(() => outbox.status().lastError !== null, 'a failed attempt');
    // Killed at the worst moment: the server has a batch, the outbox does not know it yet.
    writeFileSync(join(root, 'pause'), '');
    const sent = new Promise<void>((resolve) => {
      shipper?.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('sent')) resolve();
      });
    });
    await server.start();
    await sent;
    shipper.kill('SIGKILL');
    await once(shipper, 'exit');
    rmSync(join(root, 'pause'));

    shipper = await startShipper(dir, policy);
    await write(db, 6_001, RECORDS - 6_000);
    await until(() => outbox.status().pending === 0, 'the outbox to empty');
    const exited = once(shipper, 'exit');
    shipper.kill('SIGTERM');
    await exited;
    shipper = undefined;
    outbox.close();
    db.close();
    await server.stop();

    const ids = server
      .received()
      .map((m) => m.params.id ?? '')
      .filter((id) => id.startsWith(`${installId}-`));
    const seen = new Set<string>();
    let duplicates = 0;
    let outOfOrder = 0;
    let last = 0;
    for (const id of ids) {
      if (seen.has(id)) {
        duplicates++;
        continue;
      }
      seen.add(id);
      const seq = Number(id.slice(installId.length + 1));
      if (seq !== last + 1) outOfOrder++;
      last = Math.max(last, seq);
    }
    const lost = RECORDS - seen.size;
    const seconds = (Date.now() - started) / 1000;
    const line = `syslog shipping: records ${String(RECORDS)}, duplicates dropped ${String(duplicates)}, lost ${String(lost)}, out of order ${String(outOfOrder)}, ${seconds.toFixed(1)} s`;
    process.stdout.write(`${line}\n`);
    recordFigures('syslog-shipping', { operations: RECORDS, faultsInjected: 2, lost: lost + outOfOrder }, [line]);
    expect({ lost, outOfOrder, received: seen.size }).toEqual({ lost: 0, outOfOrder: 0, received: RECORDS });
    expect(duplicates).toBeGreaterThan(0); // the batch the killed shipper had not recorded went again
  });
});

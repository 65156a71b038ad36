// The shipping proof's worker: the app's shipper over one data folder, until SIGTERM (a clean close) or SIGKILL.
//   shipping-child.ts <data dir> <policy JSON> <pause file>
// While <pause file> exists, the worker stops after a batch the server confirmed and before it records that, and
// says `sent`: the test kills it there, the worst moment (the batch must go again).
import { existsSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { readInstallId } from '../../main/core/vault/install-id.ts';
import { Shipper } from '../../main/core/shipping/index.ts';
import type { SyslogPolicy } from '../../common/settings/syslog.ts';

const [dataDir = '', policyJson = '{}', pauseFile = ''] = process.argv.slice(2);
const policy = JSON.parse(policyJson) as SyslogPolicy;
const shipper = new Shipper({
  dataDir,
  installId: readInstallId(dataDir),
  policy: () => policy,
  batchSize: 500,
  idleMs: 20,
  confirmTimeoutMs: 2_000,
  backoff: { firstMs: 50, maxMs: 400 },
  afterSend: async () => {
    if (!existsSync(pauseFile)) return;
    process.stdout.write('sent\n');
    await delay(60_000);
  },
});
shipper.start();
const alive = setInterval(() => undefined, 60_000); // the shipper's timers are unref'd
process.once('SIGTERM', () => {
  clearInterval(alive);
  void shipper.close().then(() => process.exit(0));
});
process.stdout.write('ready\n');

// Turns queueing for the syslog shipper on in a data folder, as a shipper does once it sees a policy naming a
// server (docs/architecture.md, shipping to the log server).
import { Journal } from '../../main/core/journal/index.ts';
import { Outbox } from '../../main/core/shipping/outbox.ts';

export function shippingOn(dataDir: string): void {
  Journal.open(dataDir).close();
  const outbox = new Outbox(dataDir);
  outbox.setEnabled(true);
  outbox.close();
}

// Shipping for the services of one data folder (the app and the preview): the shipper's loop over the desk's
// policy, and the `shipping` part of audit.status (docs/architecture.md, "Shipping to the log server").
import type { SyslogPolicy } from '../../../common/settings/syslog.ts';
import { readInstallId } from '../vault/install-id.ts';
import { Shipper, type ShipperOptions } from './shipper.ts';
import { shippingStatus, type ShippingStatus } from './status.ts';

/** What shipping needs of the desk: its folder (the journal is open) and the resolved policy. */
export interface ShippingDesk {
  readonly dataDir: string;
  settings(): { syslog?: SyslogPolicy };
}

export type ShippingTiming = Omit<ShipperOptions, 'dataDir' | 'installId' | 'policy' | 'onError'>;

/** Starts the loop; it ships only while a policy names a server, and records wait in the outbox meanwhile. */
export function startShipping(desk: ShippingDesk, report: (error: unknown) => void, timing: ShippingTiming = {}) {
  const shipper = new Shipper({
    ...timing,
    dataDir: desk.dataDir,
    installId: readInstallId(desk.dataDir),
    policy: () => desk.settings().syslog,
    onError: (message) => {
      report(new Error(`shipping to the syslog server: ${message}`));
    },
  });
  shipper.start();
  return shipper;
}

export function deskShippingStatus(desk: ShippingDesk, now = Date.now()): ShippingStatus {
  return shippingStatus(desk.dataDir, desk.settings().syslog, now);
}

// The audit.status method: the chain's state (given by the chain's owner) and how far shipping to the syslog
// server is (docs/architecture.md, "Shipping to the log server"). The frame shows `shipping.behind`.
import type { AuditStatusView } from '../../../common/contract/views.ts';
import { deskShippingStatus, type ShippingDesk } from '../shipping/index.ts';
import type { Handlers } from './handlers.ts';

export function auditStatusHandler(
  desk: ShippingDesk,
  chain: () => AuditStatusView['chain'] = () => ({ state: 'unchecked' }),
): Handlers['audit.status'] {
  return () => Promise.resolve({ chain: chain(), shipping: deskShippingStatus(desk) });
}

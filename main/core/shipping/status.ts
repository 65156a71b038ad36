// How far shipping is, for `card-desk audit ship --status` and the audit.status method's `shipping` part
// (docs/architecture.md, "Shipping to the log server").
import type { AuditStatusView } from '../../../common/contract/views.ts';
import { DEFAULT_BEHIND_AFTER_SECONDS, type SyslogPolicy } from '../../../common/settings/syslog.ts';
import { Outbox } from './outbox.ts';

export type ShippingStatus = AuditStatusView['shipping'];

/** Behind: a server is configured and the oldest waiting record waited longer than the policy allows. */
export function isBehind(policy: SyslogPolicy | undefined, oldestPendingAt: number | null, now: number): boolean {
  if (policy === undefined || oldestPendingAt === null) return false;
  return now - oldestPendingAt > (policy.behindAfterSeconds ?? DEFAULT_BEHIND_AFTER_SECONDS) * 1000;
}

/** Reads the outbox of `dataDir`; the journal must have been opened once (it makes the schema). */
export function shippingStatus(dataDir: string, policy: SyslogPolicy | undefined, now = Date.now()): ShippingStatus {
  const outbox = new Outbox(dataDir);
  try {
    const s = outbox.status();
    return {
      configured: policy !== undefined,
      pending: s.pending,
      oldestPendingAt: s.oldestPendingAt,
      lastShippedAt: s.lastShippedAt,
      lastError: s.lastError,
      behind: isBehind(policy, s.oldestPendingAt, now),
    };
  } finally {
    outbox.close();
  }
}

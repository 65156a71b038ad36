// `card-desk audit ship --status`: how far shipping to the bank's syslog server is (docs/architecture.md,
// "Shipping to the log server"). The app and the preview ship; this only reads the outbox of the data folder.
import { deskShippingStatus, type ShippingStatus } from '../../core/shipping/index.ts';
import type { SyslogPolicy } from '../../../common/settings/syslog.ts';
import { withDesk } from '../desk-context.ts';
import { EXIT, parseOptions, UsageError, writeJson } from '../usage.ts';

function when(at: number | null, now: number): string {
  if (at === null) return 'never';
  const minutes = Math.round((now - at) / 60_000);
  return `${new Date(at).toISOString()} (${minutes < 1 ? 'less than a minute' : `${String(minutes)} min`} ago)`;
}

export function statusText(status: ShippingStatus, policy: SyslogPolicy | undefined, now: number): string {
  const server =
    policy === undefined
      ? 'none: no policy names a syslog server (records wait in the outbox)'
      : `${policy.transport}://${policy.host}:${String(policy.port)}`;
  return [
    `server:        ${server}`,
    `pending:       ${String(status.pending)}${status.oldestPendingAt === null ? '' : `, the oldest from ${when(status.oldestPendingAt, now)}`}`,
    `last shipped:  ${when(status.lastShippedAt, now)}`,
    `last error:    ${status.lastError ?? 'none'}`,
    `behind:        ${status.behind ? 'yes' : 'no'}`,
    '',
  ].join('\n');
}

export async function auditShip(args: string[], now: () => number = Date.now): Promise<number> {
  const { values } = parseOptions(args, {
    status: { type: 'boolean' },
    json: { type: 'boolean' },
    'data-dir': { type: 'string' },
  });
  if (values.status !== true) throw new UsageError('audit ship: only --status is available (the app ships)');
  return withDesk(values['data-dir'], (desk) => {
    const status = deskShippingStatus(desk, now());
    if (values.json === true) writeJson(status);
    else process.stdout.write(statusText(status, desk.settings().syslog, now()));
    return Promise.resolve(EXIT.done);
  });
}

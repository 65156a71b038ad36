// The sandbox must never be reachable from another machine (docs/card-api.md, sandbox).
import { isIPv6 } from 'node:net';
import { isLoopbackHost } from '../../common/card-api/loopback.ts';

export { isLoopbackHost };

/** host:port for a URL; IPv6 literals need brackets. */
export function urlHost(address: string): string {
  return isIPv6(address) ? `[${address}]` : address;
}

function hostnameOf(authority: string): string | undefined {
  try {
    return new URL(`http://${authority}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * Whether a request is addressed to this machine by a loopback name and sent by no page of another site. A page
 * that got its name resolved to 127.0.0.1 (DNS rebinding) still sends that name as Host; a cross-site form or
 * fetch sends its Origin. Programs (tests, the CLI) send a loopback Host and no Origin.
 */
export function isLoopbackRequest(headers: { host?: string; origin?: string }): boolean {
  const host = headers.host === undefined ? undefined : hostnameOf(headers.host);
  if (host === undefined || !isLoopbackHost(host)) return false;
  if (headers.origin === undefined) return true;
  const origin = URL.canParse(headers.origin) ? new URL(headers.origin).hostname : '';
  return origin !== '' && isLoopbackHost(origin);
}

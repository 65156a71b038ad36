// The sandbox must never be reachable from another machine (docs/card-api.md, sandbox).
import { isIPv6 } from 'node:net';

export { isLoopbackHost } from '../../common/card-api/loopback.ts';

/** host:port for a URL; IPv6 literals need brackets. */
export function urlHost(address: string): string {
  return isIPv6(address) ? `[${address}]` : address;
}

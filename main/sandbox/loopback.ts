// The sandbox must never be reachable from another machine (SPEC §9).
import { isIPv4, isIPv6 } from 'node:net';

/** 127.0.0.0/8, ::1 (also IPv4-mapped 127.x) and the name localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  if (isIPv4(h)) return h.split('.')[0] === '127';
  if (isIPv6(h)) return h === '::1' || h === '0:0:0:0:0:0:0:1' || (/^::ffff:127\./.test(h) && isIPv4(h.slice(7)));
  return false;
}

/** host:port for a URL; IPv6 literals need brackets. */
export function urlHost(address: string): string {
  return isIPv6(address) ? `[${address}]` : address;
}

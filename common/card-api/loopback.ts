// Loopback addresses (docs/card-api.md, transport, sandbox). Pure: shared with the sandbox, the settings schema and the renderer's forms.
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function isIPv4Loopback(h: string): boolean {
  const m = IPV4.exec(h);
  return m !== null && m.slice(1).every((part) => Number(part) <= 255) && m[1] === '127';
}

/** 127.0.0.0/8, ::1 (also IPv4-mapped 127.x) and the name localhost; brackets around IPv6 are allowed. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  if (h.startsWith('::ffff:')) return isIPv4Loopback(h.slice('::ffff:'.length));
  return isIPv4Loopback(h);
}

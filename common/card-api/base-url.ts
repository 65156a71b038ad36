// https for real servers; plain http only for loopback (the sandbox, tests). See docs/card-api.md, transport.
import { isLoopbackHost } from './loopback.ts';

/** The part of WHATWG URL this check reads. */
interface ParsedUrl {
  readonly protocol: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
}
// common/ compiles without DOM or Node types (it runs in both); URL is a global in each.
const WhatwgUrl = (globalThis as unknown as { URL: new (value: string) => ParsedUrl }).URL;

/** Returns the parsed URL or throws a one-line reason. */
export function checkBaseUrl(value: string): ParsedUrl {
  let url: ParsedUrl;
  try {
    url = new WhatwgUrl(value);
  } catch {
    throw new Error(`base URL ${JSON.stringify(value)} is not a URL`);
  }
  // Credentials in the URL would be sent along and logged; the value is not echoed since it holds them.
  if (url.username !== '' || url.password !== '') throw new Error('a base URL never carries a user name or password');
  // A look-alike host (Cyrillic letters, full-width forms) could pass for the bank's: hosts are typed in ASCII.
  if (!isAsciiHost(value, url.hostname)) throw new Error(`base URL host must be plain ASCII: ${value}`);
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  if (url.protocol === 'http:') throw new Error(`base URL must use https: (plain http only for loopback): ${value}`);
  throw new Error(`base URL must use https: ${value}`);
}

/** The host as typed (before the URL parser maps it) and as parsed (no punycode label) are both ASCII. */
function isAsciiHost(value: string, hostname: string): boolean {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\\]*)/i.exec(value)?.[1] ?? '';
  // eslint-disable-next-line no-control-regex -- the ASCII range, control characters included
  if (/[^\x00-\x7f]/.test(authority)) return false;
  return !hostname.split('.').some((label) => label.startsWith('xn--'));
}

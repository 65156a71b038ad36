// https for real servers; plain http only for loopback (the sandbox, tests). See docs/card-api.md, transport.
import { isLoopbackHost } from './loopback.ts';

/** The part of WHATWG URL this check reads. */
interface ParsedUrl {
  readonly protocol: string;
  readonly hostname: string;
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
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  if (url.protocol === 'http:') throw new Error(`base URL must use https: (plain http only for loopback): ${value}`);
  throw new Error(`base URL must use https: ${value}`);
}

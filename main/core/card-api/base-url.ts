// SPEC §1: https for real servers; plain http only for loopback (the sandbox, tests).
import { isLoopbackHost } from './loopback.ts';

/** Returns the parsed URL or throws a one-line reason. */
export function checkBaseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`base URL ${JSON.stringify(value)} is not a URL`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  if (url.protocol === 'http:') throw new Error(`base URL must use https: (plain http only for loopback): ${value}`);
  throw new Error(`base URL must use https: ${value}`);
}

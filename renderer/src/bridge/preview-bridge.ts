// The browser preview's `window.cardDesk` (docs/architecture.md, the contract): the same bridge as the preload, built from the
// same contract by buildBridge, over HTTP to the preview server instead of Electron IPC. The printed link's
// one-time code arrives in the URL's fragment (never sent to a server, never in a Referer); the fragment is
// cleared at once and the code traded once for a session token (main/preview/credentials.ts). The token is kept
// in this module's memory only — no localStorage, sessionStorage or cookie — and travels in a header, never in a
// URL: what the browser keeps of the link (history, sessions, tabs) is a spent code.
import { buildBridge, type Transport } from '../../../common/contract/bridge.ts';
import {
  EVENT_NAMES,
  type CardDeskApi,
  type EventName,
  type MethodName,
  type Reply,
} from '../../../common/contract/index.ts';

export const TOKEN_HEADER = 'X-Card-Desk-Token';
const EXCHANGE_PATH = '/auth/exchange';
/** As the server's `retry:` asks of an EventSource. */
const RETRY_MS = 2_000;

/** Takes `#code=…` out of the address bar (its history entry is replaced); returns it, or undefined. */
export function takeCodeFromLocation(loc: Location = location, hist: History = history): string | undefined {
  const fragment = loc.hash.startsWith('#') ? loc.hash.slice(1) : loc.hash;
  const code = new URLSearchParams(fragment).get('code') ?? undefined;
  if (loc.hash !== '') hist.replaceState(hist.state, '', `${loc.pathname}${loc.search}`);
  return code === '' ? undefined : code;
}

/** Trades the link's one-time code for this page's session token; undefined when there is none or it is spent. */
export async function exchangeCode(code: string | undefined, base = ''): Promise<string | undefined> {
  if (code === undefined) return undefined;
  try {
    const response = await fetch(`${base}${EXCHANGE_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
      cache: 'no-store',
      credentials: 'omit',
    });
    const body = (await response.json()) as { ok?: unknown; value?: { token?: unknown } };
    return body.ok === true && typeof body.value?.token === 'string' ? body.value.token : undefined;
  } catch {
    return undefined;
  }
}

/** The `data:` of each complete frame in `buffer`, and what is left of it. */
function takeFrames(buffer: string): { data: string[]; rest: string } {
  const frames = buffer.split('\n\n');
  const rest = frames.pop() ?? '';
  const data = frames
    .map((frame) =>
      frame
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice('data:'.length).replace(/^ /, ''))
        .join('\n'),
    )
    .filter((d) => d !== '');
  return { data, rest };
}

/**
 * `GET /api/events` read with fetch, so that the token goes in a header (an EventSource can only put it in the
 * URL). Reconnects as an EventSource would; stops for good when the token is refused.
 */
async function readEventStream(base: string, token: string, onData: (data: string) => void): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(`${base}/api/events`, {
        headers: { [TOKEN_HEADER]: token, Accept: 'text/event-stream' },
        cache: 'no-store',
        credentials: 'omit',
      });
      if (response.status === 401) return;
      if (response.body !== null) {
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          const { data, rest } = takeFrames(buffer + chunk.value);
          buffer = rest;
          for (const d of data) onData(d);
        }
      }
    } catch {
      // The server went away or the stream broke: try again, as an EventSource does.
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, RETRY_MS));
  }
}

function failure(code: string, message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}

function isReply(value: unknown): value is Reply<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const ok = (value as { ok?: unknown }).ok;
  return ok === true || (ok === false && typeof (value as { error?: unknown }).error === 'object');
}

/** `call` = POST /api/<method>; `subscribe` = one shared event stream on /api/events. */
export function httpTransport(sessionToken: Promise<string | undefined>, base = ''): Transport {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let streaming = false;

  function dispatchEvent(text: string): void {
    let data: { event?: unknown; payload?: unknown };
    try {
      data = JSON.parse(text) as { event?: unknown; payload?: unknown };
    } catch {
      return;
    }
    const event = data.event as EventName;
    if (!EVENT_NAMES.includes(event)) return;
    for (const listener of [...(listeners.get(event) ?? [])]) listener(data.payload);
  }

  function ensureStream(): void {
    if (streaming) return;
    streaming = true;
    void sessionToken.then((token) => (token === undefined ? undefined : readEventStream(base, token, dispatchEvent)));
  }

  return {
    async call(method: MethodName, args: unknown): Promise<Reply<unknown>> {
      const token = await sessionToken;
      if (token === undefined) {
        return failure(
          'preview_token_required',
          'This page was opened without its token: open the URL the preview printed in the terminal.',
        );
      }
      let response: Response;
      try {
        response = await fetch(`${base}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(args),
          cache: 'no-store',
          credentials: 'omit',
        });
      } catch {
        return failure('preview_unreachable', 'The preview server does not answer: is it still running?');
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return failure('preview_bad_answer', `The preview server answered ${String(response.status)} without JSON.`);
      }
      return isReply(body) ? body : failure('preview_bad_answer', 'The preview server sent an unexpected answer.');
    },
    subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
      let set = listeners.get(event);
      if (set === undefined) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener);
      ensureStream();
      return () => {
        listeners.get(event)?.delete(listener);
      };
    },
  };
}

/** In Electron the preload has put `window.cardDesk` there; in a plain browser this installs the HTTP one. */
export function installPreviewBridge(): void {
  if ('cardDesk' in window) return;
  const api: CardDeskApi = buildBridge(httpTransport(exchangeCode(takeCodeFromLocation())));
  Object.defineProperty(window, 'cardDesk', { value: api, writable: false, configurable: false, enumerable: true });
}

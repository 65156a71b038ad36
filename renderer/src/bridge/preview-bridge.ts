// The browser preview's `window.cardDesk` (docs/architecture.md, the contract): the same bridge as the preload, built from the
// same contract by buildBridge, over HTTP to the preview server instead of Electron IPC. The per-launch token
// arrives in the URL's fragment (never sent to a server, never in a Referer), is kept in this module's memory
// only — no localStorage, sessionStorage or cookie — and the fragment is cleared at once.
import { buildBridge, type Transport } from '../../../common/contract/bridge.ts';
import {
  EVENT_NAMES,
  type CardDeskApi,
  type EventName,
  type MethodName,
  type Reply,
} from '../../../common/contract/index.ts';

export const TOKEN_HEADER = 'X-Card-Desk-Token';

/** Takes `#token=…` out of the address bar; returns it, or undefined when the page was opened without it. */
export function takeTokenFromLocation(loc: Location = location, hist: History = history): string | undefined {
  const fragment = loc.hash.startsWith('#') ? loc.hash.slice(1) : loc.hash;
  const token = new URLSearchParams(fragment).get('token') ?? undefined;
  if (loc.hash !== '') hist.replaceState(hist.state, '', `${loc.pathname}${loc.search}`);
  return token === '' ? undefined : token;
}

function failure(code: string, message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}

function isReply(value: unknown): value is Reply<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const ok = (value as { ok?: unknown }).ok;
  return ok === true || (ok === false && typeof (value as { error?: unknown }).error === 'object');
}

/** `call` = POST /api/<method>; `subscribe` = one shared EventSource on /api/events. */
export function httpTransport(token: string | undefined, base = ''): Transport {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | undefined;

  function ensureSource(): void {
    if (source !== undefined || token === undefined) return;
    source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message: MessageEvent<string>) => {
      let data: { event?: unknown; payload?: unknown };
      try {
        data = JSON.parse(message.data) as { event?: unknown; payload?: unknown };
      } catch {
        return;
      }
      const event = data.event as EventName;
      if (!EVENT_NAMES.includes(event)) return;
      for (const listener of [...(listeners.get(event) ?? [])]) listener(data.payload);
    };
  }

  return {
    async call(method: MethodName, args: unknown): Promise<Reply<unknown>> {
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
      ensureSource();
      return () => {
        listeners.get(event)?.delete(listener);
      };
    },
  };
}

/** In Electron the preload has put `window.cardDesk` there; in a plain browser this installs the HTTP one. */
export function installPreviewBridge(): void {
  if ('cardDesk' in window) return;
  const api: CardDeskApi = buildBridge(httpTransport(takeTokenFromLocation()));
  Object.defineProperty(window, 'cardDesk', { value: api, writable: false, configurable: false, enumerable: true });
}

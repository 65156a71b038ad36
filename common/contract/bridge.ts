// Builds `window.cardDesk` from the contract over any transport: Electron IPC in the preload, HTTP in the
// browser preview. Exactly the contract's methods, nested by group; never a generic invoke.
import {
  CardDeskError,
  EVENT_NAMES,
  METHOD_NAMES,
  splitMethod,
  type CardDeskApi,
  type EventName,
  type EventPayloads,
  type MethodName,
  type Reply,
} from './index.ts';

export interface Transport {
  call(method: MethodName, args: unknown): Promise<Reply<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

export function buildBridge(transport: Transport): CardDeskApi {
  const api: Record<string, Record<string, (args?: unknown) => Promise<unknown>>> = {};
  for (const name of METHOD_NAMES) {
    const [group, method] = splitMethod(name);
    api[group] ??= {};
    api[group][method] = async (args?: unknown) => {
      const reply = await transport.call(name, args ?? {});
      if (!reply.ok) throw new CardDeskError(reply.error);
      return reply.value;
    };
  }
  const on = <E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): (() => void) => {
    if (!EVENT_NAMES.includes(event)) throw new Error(`unknown event ${event}`);
    return transport.subscribe(event, (payload) => {
      listener(payload as EventPayloads[E]);
    });
  };
  return Object.freeze({ ...api, on }) as unknown as CardDeskApi;
}

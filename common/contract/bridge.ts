// Builds `window.cardDesk` from the contract over any transport: Electron IPC in the preload, HTTP in the
// browser preview. Exactly the contract's methods, nested by group; never a generic invoke.
import { METHOD_NAMES, type ArgsOf, type MethodName, type ResultOfMethod } from './contract.ts';
import { EVENT_NAMES, type EventName, type EventPayloads } from './events.ts';
import type { ContractError, Reply } from './views.ts';

type GroupOf<M extends string> = M extends `${infer G}.${string}` ? G : never;

/** `window.cardDesk`: `cardDesk.cards.block({...})`, `cardDesk.on('requests.changed', fn)` → unsubscribe. */
export type CardDeskApi = {
  [G in GroupOf<MethodName>]: {
    [M in MethodName as M extends `${G}.${infer N}` ? N : never]: (args: ArgsOf<M>) => Promise<ResultOfMethod<M>>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

/** IPC channel of a method, and of an event. */
export const channelOf = (name: MethodName): string => `card-desk:${name}`;
export const eventChannelOf = (name: EventName): string => `card-desk:event:${name}`;

/** Splits `cards.block` into its group and name, for building the nested bridge object. */
export function splitMethod(name: MethodName): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}

/** Thrown on the renderer side when main answers `{ok: false}`. */
export class CardDeskError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  constructor(error: ContractError) {
    super(error.message);
    this.name = 'CardDeskError';
    this.code = error.code;
    this.details = error.details;
  }
}

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

// THE ONLY main file that touches ipcMain (eslint.config.js): one handler per contract method, the sender
// checked before anything else, the rest (argument parsing, lock, error mapping) done by core's dispatcher.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  channelOf,
  EVENT_NAMES,
  eventChannelOf,
  METHOD_NAMES,
  type EventName,
  type EventPayloads,
  type MethodName,
  type Reply,
} from '../../common/contract/index.ts';
import type { Dispatcher } from '../core/services/index.ts';
import type { SenderEvent } from './guards.ts';

/** The parts of Electron's ipcMain used here. */
export interface IpcMainLike<E extends SenderEvent = SenderEvent> {
  handle(channel: string, listener: (event: E, args: unknown) => Promise<Reply<unknown>>): void;
  removeHandler(channel: string): void;
}

/** The parts of the services the IPC layer needs. */
export interface IpcServices {
  dispatch: Dispatcher;
  events: { on<K extends EventName>(event: K, listener: (payload: EventPayloads[K]) => void): () => void };
}

/** Where events go: the webContents of our windows (already filtered to live, app-origin ones). */
export interface EventTarget {
  send(channel: string, payload: unknown): void;
}

export interface IpcOptions<E extends SenderEvent> {
  isTrusted: (event: E) => boolean;
  /** The windows to forward events to, asked at each event. */
  targets: () => Iterable<EventTarget>;
  log: (line: string) => void;
}

export const UNTRUSTED_SENDER: Reply<never> = Object.freeze({
  ok: false,
  error: Object.freeze({ code: 'untrusted_sender', message: 'this request did not come from a Card Desk window' }),
});

/** Registers every method and the event forwarding; returns the channels and how to undo it all. */
export function registerIpc<E extends SenderEvent>(
  ipcMain: IpcMainLike<E>,
  services: IpcServices,
  options: IpcOptions<E>,
): { channels: string[]; dispose: () => void } {
  const channels: string[] = [];
  for (const method of METHOD_NAMES) {
    const channel = channelOf(method);
    ipcMain.handle(channel, (event, args) => handleCall(method, event, args, services, options));
    channels.push(channel);
  }
  const unsubscribe = EVENT_NAMES.map((name) =>
    services.events.on(name, (payload) => {
      forward(name, payload, options);
    }),
  );
  return {
    channels,
    dispose: () => {
      for (const channel of channels) ipcMain.removeHandler(channel);
      for (const off of unsubscribe) off();
    },
  };
}

async function handleCall<E extends SenderEvent>(
  method: MethodName,
  event: E,
  args: unknown,
  services: IpcServices,
  options: IpcOptions<E>,
): Promise<Reply<unknown>> {
  if (!options.isTrusted(event)) {
    options.log(`refused ${method} from an untrusted sender (webContents ${String(event.sender.id)})`);
    return UNTRUSTED_SENDER;
  }
  return services.dispatch(method, args);
}

function forward<E extends SenderEvent>(name: EventName, payload: unknown, options: IpcOptions<E>): void {
  for (const target of options.targets()) {
    try {
      target.send(eventChannelOf(name), payload);
    } catch {
      options.log(`could not deliver ${name} to a window`);
    }
  }
}

/** Registers on Electron's own ipcMain (the production wiring of registerIpc). */
export function registerAppIpc(
  services: IpcServices,
  options: IpcOptions<IpcMainInvokeEvent>,
): { channels: string[]; dispose: () => void } {
  return registerIpc<IpcMainInvokeEvent>(ipcMain, services, options);
}

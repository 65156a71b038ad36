// Minimal stand-ins for Electron objects, shared by the shell tests.
import { APP_ENTRY_URL } from '../../../main/shell/protocol.ts';
import type { FrameLike, SenderEvent } from '../../../main/shell/guards.ts';

type Listener = (...args: never[]) => unknown;

/** An emitter that records listeners by event name and lets a test fire them. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }
  events(): string[] {
    return [...this.listeners.keys()].sort();
  }
}

export function preventable(url = ''): { url: string; preventDefault: () => void; prevented: () => boolean } {
  let prevented = false;
  return {
    url,
    preventDefault: () => {
      prevented = true;
    },
    prevented: () => prevented,
  };
}

export interface SenderOptions {
  id?: number;
  url?: string;
  subFrame?: boolean;
  noFrame?: boolean;
}

/** An IPC event as Electron builds it: the sender webContents and the frame that sent it. */
export function senderEvent(options: SenderOptions = {}): SenderEvent {
  const url = options.url ?? APP_ENTRY_URL;
  const mainFrame: FrameLike = { url, parent: null };
  const frame: FrameLike | null = options.noFrame ? null : options.subFrame ? { url, parent: mainFrame } : mainFrame;
  return { sender: { id: options.id ?? 1, mainFrame }, senderFrame: frame };
}

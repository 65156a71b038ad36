// Typed events main pushes to the renderer (IPC and preview forward them).
import { EventEmitter } from 'node:events';
import type { EventName, EventPayloads } from '../../../common/contract/index.ts';

export class DeskEvents {
  private readonly emitter = new EventEmitter();

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    this.emitter.emit(event, payload);
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }
}

// Card data the operator copies goes to the clipboard through main, not the renderer: main writes it (on
// Windows with the formats that keep it out of clipboard history and cloud sync), and main, which may read
// the clipboard, empties it after 30 s if it still holds the value, and at once on lock or when the data is
// hidden. The renderer therefore needs no clipboard-read permission (docs/architecture.md, security).

export const CLIPBOARD_CLEAR_MS = 30_000;

/** The system clipboard as main reaches it (Electron's clipboard in the desktop app). */
export interface ClipboardBackend {
  writeSensitive(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): void;
}

interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(timer: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    timer.unref();
    return timer;
  },
  clear: (timer) => {
    clearTimeout(timer as NodeJS.Timeout);
  },
};

export class SecretClipboard {
  private readonly pending = new Map<unknown, string>();
  private readonly backend: ClipboardBackend;
  private readonly timers: Timers;
  private readonly clearAfterMs: number;

  constructor(backend: ClipboardBackend, options: { timers?: Timers; clearAfterMs?: number } = {}) {
    this.backend = backend;
    this.timers = options.timers ?? realTimers;
    this.clearAfterMs = options.clearAfterMs ?? CLIPBOARD_CLEAR_MS;
  }

  async copy(text: string): Promise<void> {
    await this.backend.writeSensitive(text);
    const timer = this.timers.set(() => {
      this.pending.delete(timer);
      void this.clearIfHolds(text);
    }, this.clearAfterMs);
    this.pending.set(timer, text);
  }

  /** Lock, conceal, quit: every value still waiting is cleared now (if the clipboard still holds it). */
  clearNow(): void {
    for (const [timer, text] of this.pending) {
      this.timers.clear(timer);
      void this.clearIfHolds(text);
    }
    this.pending.clear();
  }

  private async clearIfHolds(text: string): Promise<void> {
    // Something the operator copied since is theirs: leave it. A clipboard that cannot be read is cleared.
    const holds = await this.backend.readText().then(
      (now) => now === text,
      () => true,
    );
    if (holds) this.backend.clear();
  }
}

// Bulk progress on the terminal: a bar redrawn in place on a TTY; elsewhere (logs, pipes) a line every few
// seconds and at every state change.
import type { BulkProgress } from '../core/bulk/index.ts';

const WIDTH = 30;
const PLAIN_EVERY_MS = 5_000;

function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${String(h)}h ${String(m)}m` : m > 0 ? `${String(m)}m ${String(s)}s` : `${String(s)}s`;
}

export function progressText(p: BulkProgress): string {
  const finished = p.done + p.failed;
  const share = p.total === 0 ? 1 : finished / p.total;
  const filled = Math.round(share * WIDTH);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}]`;
  const rate = p.ratePerMinute === null ? '' : `, ${String(Math.round(p.ratePerMinute))}/min`;
  const eta = p.etaSeconds === null ? '' : `, ETA ${duration(p.etaSeconds)}`;
  return `${bar} ${String(Math.floor(share * 100)).padStart(3)}% ${String(finished)}/${String(p.total)} (${String(p.failed)} failed)${rate}${eta} ${p.state}`;
}

export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): {
  update: (p: BulkProgress) => void;
  end: () => void;
} {
  let lastPlain = 0;
  let lastState = '';
  let drawn = false;
  return {
    update(p) {
      if (stream.isTTY) {
        stream.write(`\r${progressText(p)}\u001b[K`);
        drawn = true;
        return;
      }
      const now = Date.now();
      if (p.state === lastState && now - lastPlain < PLAIN_EVERY_MS) return;
      lastPlain = now;
      lastState = p.state;
      stream.write(`${progressText(p)}\n`);
    },
    end() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}

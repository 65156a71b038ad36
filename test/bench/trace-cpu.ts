// Main-thread CPU time per measured window, from a Chromium trace of the bench page. The page marks each window
// (`<prefix>start-<i>` … `<prefix>end-<i>`: a mount, a filter, a scrolled frame); the renderer's top-level tasks
// carry `tdur`, the time the thread actually ran. A window's CPU time is the thread time of the tasks inside it
// (a task crossing the window's edge counts for the part inside). Unlike wall-clock time, this does not grow
// when the machine is busy with other processes and the page waits for a CPU.

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
}

/** Trace categories needed: top-level tasks (with thread time) and user-timing marks. */
export const CPU_TRACE_CATEGORIES = ['toplevel', 'blink.user_timing'];

const TASK = 'ThreadControllerImpl::RunTask';

export function traceEvents(trace: Buffer): TraceEvent[] {
  return (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
}

/** CPU ms per marked window, in window order. */
export function cpuPerWindow(events: readonly TraceEvent[], prefix: string): number[] {
  const starts = new Map<number, TraceEvent>();
  const ends = new Map<number, TraceEvent>();
  for (const event of events) {
    if (!event.name.startsWith(prefix)) continue;
    const [kind, index] = event.name.slice(prefix.length).split('-');
    (kind === 'start' ? starts : ends).set(Number(index), event);
  }
  const first = starts.values().next().value;
  if (first === undefined) return [];
  const tasks = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.name === TASK &&
        e.pid === first.pid &&
        e.tid === first.tid &&
        e.dur !== undefined &&
        e.tdur !== undefined,
    )
    .sort((a, b) => a.ts - b.ts);
  const frames = [...starts.keys()].filter((i) => ends.has(i)).sort((a, b) => a - b);
  return frames.map((i) => {
    const from = starts.get(i)?.ts ?? 0;
    const to = ends.get(i)?.ts ?? 0;
    let cpuMicros = 0;
    for (const task of tasks) {
      const dur = task.dur ?? 0;
      const overlap = Math.min(to, task.ts + dur) - Math.max(from, task.ts);
      if (overlap <= 0) continue;
      cpuMicros += (task.tdur ?? 0) * (dur === 0 ? 1 : overlap / dur);
    }
    return cpuMicros / 1000;
  });
}

// Timing helpers of the UI benchmark, run inside the page.
//
// "Painted" = the end of the frame that shows a change: a requestAnimationFrame callback is queued after the
// change, and from it a MessageChannel message; that message's task runs right after the frame's rendering
// (style, layout, paint) has finished on the main thread. So `afterNextPaint()` resolves at the end of the
// next frame, and "handed over → painted" includes all the script, style, layout and paint work the change
// caused (plus, at most, the wait for the next frame to begin).

import { MARKS } from './bench-api.ts';

/** Marks the start or end of measured window `i` (see MARKS). */
export function mark(prefix: string, edge: 'start' | 'end', i: number): void {
  performance.mark(`${prefix}${edge}-${String(i)}`);
}

export function afterNextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(performance.now());
      };
      channel.port2.postMessage(null);
    });
  });
}

/** Types into a React-controlled input as a user's keystroke does: the value, then an `input` event. */
export function typeInto(input: HTMLInputElement, value: string): void {
  // The prototype's setter, not React's instance tracker: React then sees a real change, as after a keystroke.
  Reflect.set(HTMLInputElement.prototype, 'value', value, input);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** When the first `scroll` event of frame `i` arrived; marked for the trace as `bench-scroll-start-<i>`. */
function scrollStartRecorder(): {
  listener: () => void;
  reset: (frame: number) => void;
  start: () => number | undefined;
} {
  let start: number | undefined;
  let frame = 0;
  return {
    listener: () => {
      if (start !== undefined) return;
      start = performance.now();
      mark(MARKS.scroll, 'start', frame);
    },
    reset: (next) => {
      start = undefined;
      frame = next;
    },
    start: () => start,
  };
}

export interface ScrollSamples {
  /** Main-thread work per scrolled frame, ms: from the scroll event to the end of that frame's rendering. */
  work: number[];
  /** Intervals between consecutive animation frames while scrolling, ms (~16.7 when no frame is dropped). */
  intervals: number[];
}

/**
 * Scrolls `element` from top to bottom in `frames` steps, one per animation frame, like a fast fling through the
 * whole list (every step shows rows that were not rendered before: the worst case for a virtual list).
 *
 * Per frame, the work measured is: the `scroll` event (the virtualizer re-renders the visible rows there,
 * synchronously, with flushSync) + the frame's other callbacks + style, layout and paint, up to the message
 * that runs after the frame. Its start is taken by a capturing listener on the document, which runs before the
 * virtualizer's own listener on the element. Unlike raw rAF intervals (always ≥ 16.7 ms at 60 Hz, even when
 * idle), this is the time the main thread was busy for that frame: ≤ 16 ms means no frame has to be dropped.
 */
export async function scrollThrough(element: HTMLElement, frames: number): Promise<ScrollSamples> {
  const work: number[] = [];
  const intervals: number[] = [];
  const firstScroll = scrollStartRecorder();
  document.addEventListener('scroll', firstScroll.listener, { capture: true, passive: true });
  const max = element.scrollHeight - element.clientHeight;
  let previousFrameEnd = await afterNextPaint();
  for (let i = 1; i <= frames; i++) {
    firstScroll.reset(i);
    element.scrollTop = Math.round((max * i) / frames);
    const frameEnd = await afterNextPaint();
    const start = firstScroll.start();
    if (start !== undefined) {
      work.push(frameEnd - start);
      mark(MARKS.scroll, 'end', i);
    }
    intervals.push(frameEnd - previousFrameEnd);
    previousFrameEnd = frameEnd;
  }
  document.removeEventListener('scroll', firstScroll.listener, { capture: true });
  return { work, intervals };
}

// The UI benchmark page's interface (renderer/bench/bench.tsx), driven phase by phase by test/bench/ui-bench.ts.
export type ScenarioName = 'cards' | 'statement';

/** Hand-over of the rows → first frame painted after the commit, ms: median of the repeats, and the first. */
export interface FirstRenderResult {
  median: number;
  cold: number;
  commitMedian: number;
  samples: number[];
}

/** Filter typed → next frame painted after the commit, ms, per needle. */
export interface FilterResult {
  median: number;
  samples: { needle: string; ms: number; matches: number }[];
}

/** Wall-clock work per scrolled frame (ms), rAF intervals while scrolling, and whether the end was reached. */
export interface ScrollResult {
  frames: number;
  workP50: number;
  workP95: number;
  workMax: number;
  intervalP95: number;
  reachedEnd: boolean;
}

/**
 * User-timing marks around each measured window, `<prefix>start-<i>` … `<prefix>end-<i>`: the harness reads the
 * main thread's CPU time inside each window from a Chromium trace.
 */
export const MARKS = { first: 'bench-first-', filter: 'bench-filter-', scroll: 'bench-scroll-' } as const;

export interface BenchApi {
  ready: Promise<void>;
  /** Building the lower-cased search text of every row (VirtualTable does it once per data set), ms. */
  searchIndexMs: (name: ScenarioName) => Promise<number>;
  /** Mounts fresh rows several times; the table stays mounted afterwards. */
  firstRender: (name: ScenarioName) => Promise<FirstRenderResult>;
  /** Needs the table mounted. */
  filter: (name: ScenarioName) => Promise<FilterResult>;
  /** Needs the table mounted: scrolls it from top to bottom, one step per animation frame. */
  scroll: () => Promise<ScrollResult>;
  clear: () => Promise<void>;
  /** Mounts a scenario's table and leaves it on screen: for profiling by hand (DevTools) and experiments. */
  mount: (name: ScenarioName) => Promise<void>;
}

declare global {
  interface Window {
    cardDeskBench?: BenchApi;
  }
}

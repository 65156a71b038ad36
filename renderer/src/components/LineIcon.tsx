// Small line icons drawn from SVG paths (no icon package: a few shapes are cheaper than a dependency).
// Decorative: the control an icon is in carries the accessible name.
import type { ReactElement, ReactNode } from 'react';

/** An 18 px line icon on a 24 grid, in the text's colour; decorative (its control has the name). */
export function LineIcon({ children }: { children: ReactNode }): ReactElement {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function PrinterIcon(): ReactElement {
  return (
    <LineIcon>
      <path d="M6 9V3h12v6M6 18H4a1 1 0 0 1-1-1v-6a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v6a1 1 0 0 1-1 1h-2M6 14h12v7H6z" />
    </LineIcon>
  );
}

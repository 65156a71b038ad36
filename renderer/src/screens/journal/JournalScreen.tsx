// Placeholder: replaced by the screen's own implementation.
import type { ReactElement } from 'react';

export function JournalScreen(): ReactElement {
  return <p>JournalScreen</p>;
}

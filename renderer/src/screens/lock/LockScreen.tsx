// Placeholder: replaced by the screen's own implementation.
import type { ReactElement } from 'react';

export function LockScreen(): ReactElement {
  return <p>LockScreen</p>;
}

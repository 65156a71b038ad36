// Placeholder: replaced by the screen's own implementation.
import type { ReactElement } from 'react';

export function RequestsScreen(): ReactElement {
  return <p>RequestsScreen</p>;
}

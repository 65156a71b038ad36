// Placeholder: replaced by the screen's own implementation.
import type { ReactElement } from 'react';

export function ClientsScreen(): ReactElement {
  return <p>ClientsScreen</p>;
}

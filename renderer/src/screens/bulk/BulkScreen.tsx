// Placeholder: replaced by the screen's own implementation.
import type { ReactElement } from 'react';

export function BulkScreen(): ReactElement {
  return <p>BulkScreen</p>;
}

// Placeholder: replaced by the screen's own implementation.
import type { ReactElement } from 'react';

export function GiftScreen(): ReactElement {
  return <p>GiftScreen</p>;
}

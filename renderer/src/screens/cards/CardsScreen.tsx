// Placeholder: replaced by the screen's own implementation.
import type { ReactElement } from 'react';

export function CardsScreen(): ReactElement {
  return <p>CardsScreen</p>;
}

// Placeholder: replaced by the screen's own implementation.
import type { ReactElement } from 'react';

export function CardScreen({ cardId }: { cardId: string }): ReactElement {
  return <p>CardScreen {cardId}</p>;
}

// Placeholder: replaced by the screen's own implementation.
import type { ReactElement } from 'react';

export function ClientScreen({ clientId }: { clientId: string }): ReactElement {
  return <p>ClientScreen {clientId}</p>;
}

// Placeholder: replaced by the screen's own implementation.
import type { ReactElement } from 'react';

export function SettingsScreen(): ReactElement {
  return <p>SettingsScreen</p>;
}

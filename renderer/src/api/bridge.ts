// The one way screens reach main: `window.cardDesk`, typed by the contract (preload in Electron, HTTP in the preview).
import type { CardDeskApi } from '../../../preload/contract.ts';

export function cardDesk(): CardDeskApi {
  return window.cardDesk;
}

// The one way screens reach main: `window.cardDesk`, typed by the contract (preload in Electron, HTTP in the preview).
import type { CardDeskApi } from '../../../common/contract/index.ts';

export function cardDesk(): CardDeskApi {
  return window.cardDesk;
}

// `window.cardDesk`: put there by the preload (Electron) or by the preview bridge (browser).
import type { CardDeskApi } from '../../preload/contract.ts';

declare global {
  interface Window {
    readonly cardDesk: CardDeskApi;
  }
}

export {};

// `window.cardDesk`: put there by the preload (Electron) or by the preview bridge (browser).
import type { CardDeskApi } from '../../common/contract/index.ts';

declare global {
  interface Window {
    readonly cardDesk: CardDeskApi;
  }
}

export {};

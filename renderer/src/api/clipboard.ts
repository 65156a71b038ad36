// Copied card data goes to the clipboard through main where main has one (the desktop app): main keeps it out
// of clipboard history and clears it. `false` means this page must copy it itself (the browser preview).
import { cardDesk } from './bridge.ts';

export async function copyThroughMain(text: string): Promise<boolean> {
  return (await cardDesk().clipboard.copySecret({ text })).handled;
}

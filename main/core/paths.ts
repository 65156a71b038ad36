// Where Card Desk keeps its data: the same folder Electron's app.getPath('userData') gives "Card Desk".
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Card Desk';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.CARD_DESK_DATA_DIR) return env.CARD_DESK_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

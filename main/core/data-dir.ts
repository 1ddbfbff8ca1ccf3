// The per-user app-data folder, the same one Electron's app.getPath('userData') gives for "WeCom Bridge",
// so the desktop app, the headless server and the CLI share settings by default.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'WeCom Bridge';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.WECOM_BRIDGE_DATA_DIR) return env.WECOM_BRIDGE_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

export const dbPath = (dataDir: string) => join(dataDir, 'wecom-bridge.db');
export const keyPath = (dataDir: string) => join(dataDir, 'secret.key');

/** Where browser mode keeps its data by default: the same folder Electron uses for the desktop app. */
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Aftercare');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Aftercare');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Aftercare');
}

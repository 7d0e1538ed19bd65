// Where Envelope keeps its own files (job history, journals, cached inventory, logs). Electron
// main passes app.getPath('userData'); the CLI and the preview use the same folder by the same
// per-OS rule, so all three share history. ENVELOPE_DATA_DIR overrides it (tests use that).
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(): string {
  const override = process.env.ENVELOPE_DATA_DIR;
  if (override) return override;
  const home = homedir();
  switch (process.platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Envelope');
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Envelope');
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Envelope');
  }
}

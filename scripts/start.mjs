// `npm start`: builds the app with electron-vite and opens it in Electron (on the sandbox account
// when no AWS profile exists). Where Electron cannot run (no binary was downloaded, as on machines
// without network access to its releases, or no display) it says so in one line, points to the
// browser preview, and exits 0: nothing is broken, this machine just cannot show a desktop window.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function whyElectronCannotRun(binary) {
  if (!binary)
    return 'the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD or no access to its download)';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)';
  return undefined;
}

const binary = electronBinary();
const reason = whyElectronCannotRun(binary);
if (reason) {
  console.log(
    `Envelope cannot open a desktop window here: ${reason}. Run \`npm run preview\` to use it in your browser instead.`,
  );
  process.exit(0);
}

const { build } = await import('electron-vite');
await build({ root });

const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));

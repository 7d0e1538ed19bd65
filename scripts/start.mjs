// `npm start`: the app, whatever the machine. Where Electron can start it builds the app with
// electron-vite and opens it (on the sandbox account when no AWS profile exists), fetching the
// Electron binary first when it is missing (scripts/electron-binary.mjs, bounded). Where it cannot
// (no binary and no way to fetch it, or no display) it says why in one line and runs the browser
// preview instead (electron/preview/main.ts, the same page over the same contract on the sandbox
// account, loopback only), prints its address with this run's token and opens it in the default
// browser when there is one. Ctrl-C stops either cleanly.
//
// BROWSER=none keeps the browser closed (tests); ENVELOPE_START=preview skips Electron.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureElectronBinary } from './electron-binary.mjs';

const root = join(import.meta.dirname, '..');
const ADDRESS = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/;

function noDisplay() {
  return process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
}

async function whyElectronCannotRun() {
  if (process.env.ENVELOPE_START === 'preview') return { reason: 'ENVELOPE_START=preview is set' };
  if (noDisplay()) return { reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  const binary = await ensureElectronBinary({ log: (line) => console.log(line) });
  return binary.ok ? { binary: binary.path } : { reason: binary.reason };
}

// Runs a child in its own process group on POSIX, so a terminal's Ctrl-C reaches it once (from
// us) rather than twice; on Windows the console delivers Ctrl-C to it directly.
function runChild(command, args, options = {}) {
  const detached = process.platform !== 'win32';
  const child = spawn(command, args, { cwd: root, detached, ...options });
  let exiting = false;
  const stop = (signal) => {
    if (exiting) return;
    exiting = true;
    if (process.platform !== 'win32' && child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  child.on('exit', (code, signal) => {
    // Stopped by the person: a clean end. Otherwise the child's own status.
    process.exit(exiting ? 0 : signal ? 1 : (code ?? 0));
  });
  return child;
}

// The default browser by the OS's own opener; nothing (and no failure) where there is none.
function openInBrowser(url) {
  if (process.env.BROWSER === 'none' || noDisplay()) return false;
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  try {
    const opener = spawn(command, args, { stdio: 'ignore', detached: true });
    opener.on('error', () => console.log('No browser opener was found: open the address above yourself.'));
    opener.unref();
    return true;
  } catch {
    return false;
  }
}

function runPreview(reason) {
  console.log(`Envelope cannot open a desktop window here: ${reason}.`);
  console.log('Serving the same app to your browser instead (the sandbox account, on 127.0.0.1 only)…');
  const child = runChild(process.execPath, ['--import', 'tsx', join('electron', 'preview', 'main.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let opened = false;
  let pending = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    pending += chunk;
    const address = pending.match(ADDRESS);
    if (opened || !address) return;
    opened = true;
    if (openInBrowser(address[0])) console.log('Opening it in your browser.');
  });
}

async function runElectron(binary) {
  const { build } = await import('electron-vite');
  await build({ root });
  runChild(binary, ['.'], { stdio: 'inherit' });
}

const { binary, reason } = await whyElectronCannotRun();
if (binary) await runElectron(binary);
else runPreview(reason);

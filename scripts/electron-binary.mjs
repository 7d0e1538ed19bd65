// Where the development Electron binary is, and fetching it when it is missing. Since Electron 42
// the `electron` package downloads nothing at install time: `require('electron')` downloads the
// binary synchronously, with no time limit, the first time it is called ("Behavior Changed:
// electron no longer downloads itself via postinstall", Electron's breaking-changes doc, 42.0).
// `npm start` and `npm run test:electron` therefore never require('electron'): they read the path
// the package would return (path.txt, dist/) and, when the binary is missing, run the package's
// own install.js once with a bounded wait, and say in one line why it failed.
//
//   node scripts/electron-binary.mjs      prints the binary's path (fetching it first), or exits 1
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

// Electron's zip is about 100 MB; five minutes covers a slow line, and a blocked one fails fast.
export const DEFAULT_FETCH_TIMEOUT_MS = 5 * 60_000;

function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

// The executable the `electron` package would start, by the same rule as its index.js, when it
// is present; undefined otherwise. Never downloads.
export function electronBinaryPath(packageDir = electronPackageDir()) {
  if (!packageDir) return undefined;
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, relative) : join(packageDir, 'dist', relative);
  return existsSync(binary) ? binary : undefined;
}

function electronVersion(packageDir) {
  return JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
}

// The last meaningful line of install.js's output: "fetch failed", "HTTPError: 404 …".
function failureLine(output) {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at '));
  return lines.at(-1) ?? 'no output';
}

// Resolves { ok: true, path } or { ok: false, reason } with reason a single line; never throws.
export async function ensureElectronBinary({ timeoutMs = DEFAULT_FETCH_TIMEOUT_MS, log = () => {} } = {}) {
  const packageDir = electronPackageDir();
  if (!packageDir) return { ok: false, reason: 'the electron package is not installed (run `npm install`)' };
  const present = electronBinaryPath(packageDir);
  if (present) return { ok: true, path: present };

  const version = electronVersion(packageDir);
  log(`Fetching the Electron ${version} binary (once; up to ${Math.round(timeoutMs / 1000)} s)…`);
  const outcome = await new Promise((resolve) => {
    const child = spawn(process.execPath, [join(packageDir, 'install.js')], {
      cwd: packageDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill();
      resolve({ ok: false, reason: `no answer within ${Math.round(timeoutMs / 1000)} s` });
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: error.message });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? { ok: true } : { ok: false, reason: failureLine(output) });
    });
  });
  const path = electronBinaryPath(packageDir);
  if (outcome.ok && path) return { ok: true, path };
  const why = outcome.ok ? 'the download left no executable' : outcome.reason;
  return {
    ok: false,
    reason:
      `the Electron ${version} binary is not installed and could not be downloaded (${why}); ` +
      'set ELECTRON_MIRROR (or ELECTRON_GET_USE_PROXY=true with HTTPS_PROXY) if GitHub is blocked here',
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await ensureElectronBinary({ log: (line) => console.error(line) });
  if (result.ok) console.log(result.path);
  else {
    console.error(`Electron: ${result.reason}.`);
    process.exitCode = 1;
  }
}

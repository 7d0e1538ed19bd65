#!/usr/bin/env node
// `envelope` (npx envelope): the CLI over the same core as the app. It runs the JavaScript build
// (out/cli/main.js, made by `npm run build` or `npm run build:cli`), which starts in a fraction
// of the time the TypeScript sources take through tsx. When that build is missing or older than
// any source it was built from (a fresh clone after `npm install`, or an edit since the last
// build), it runs the sources through tsx instead (bin/envelope-dev.mjs), silently: the answer is
// the same, only slower. It never builds by itself, so concurrent calls never race on out/cli.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The SDK warns on every run under Node 20 that its 2027 releases will need Node 22. The CLI's
// output is read by scripts (--json), so that notice is kept out of it; Electron ships its own
// Node and never sees it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = `${root}out/cli/main.js`;
// What the build is made of: walking these ~300 files takes a few milliseconds.
const sources = ['electron/cli', 'electron/core', 'electron/sandbox', 'shared'];

function newestUnder(dir, newest) {
  let latest = newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) latest = newestUnder(path, latest);
    else latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

function buildIsCurrent() {
  if (!existsSync(built)) return false;
  const builtAt = statSync(built).mtimeMs;
  let newest = statSync(`${root}vite.cli.config.ts`).mtimeMs;
  for (const dir of sources) if (existsSync(`${root}${dir}`)) newest = newestUnder(`${root}${dir}`, newest);
  return newest <= builtAt;
}

if (process.env.ENVELOPE_CLI_ENTRY !== 'source' && buildIsCurrent()) await import(built);
else await import('./envelope-dev.mjs');

// Builds the renderer (vite.renderer.config.ts) when out/renderer is missing or older than any
// source it is built from. Used by `npm run preview` and the e2e suite's global setup.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sources = ['renderer', 'shared', 'vite.renderer.config.ts', 'package.json'];

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function isRendererStale(outDir = join(root, 'out', 'renderer')): boolean {
  const index = join(outDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return sources.some((source) => existsSync(join(root, source)) && newestMtime(join(root, source)) > built);
}

export async function ensureRendererBuilt(log: (line: string) => void = () => undefined): Promise<void> {
  if (!isRendererStale()) return;
  log('Building the renderer (vite.renderer.config.ts)…');
  // Loaded only when needed: vite is a development dependency, like the preview itself.
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.renderer.config.ts'), logLevel: 'warn' });
}

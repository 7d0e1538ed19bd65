import { ensureRendererBuilt } from '../../electron/preview/renderer-build';
import { assertChromium } from './chromium';

export async function setup(): Promise<void> {
  assertChromium();
  await ensureRendererBuilt((line) => console.log(line));
}

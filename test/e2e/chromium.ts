// Debian's Chromium, driven by playwright-core. Missing Chromium fails the suite with one line.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export function assertChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  const error = new Error(
    `Chromium is missing at ${CHROMIUM_PATH}: run \`sudo apt-get install chromium\`, then run the tests again.`,
  );
  error.stack = error.message; // one line, no stack: the fix is a package, not a bug
  throw error;
}

export function launchChromium(): Promise<Browser> {
  assertChromium();
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

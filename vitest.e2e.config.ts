import { defineConfig } from 'vitest/config';

// The end-to-end suite: Debian's Chromium (playwright-core) against the browser preview. The
// global setup fails the run when Chromium is missing and builds the renderer when it is stale.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.test.ts'],
    setupFiles: ['test/setup-node.ts'],
    globalSetup: ['test/e2e/global-setup.ts', 'test/temp-root.ts'],
    // One browser at a time: the machines that run this are small and shared.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});

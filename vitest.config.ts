import { defineConfig } from 'vitest/config';

// Two projects: domain code in Node, renderer stores and components in jsdom. The end-to-end
// suite has its own config (vitest.e2e.config.ts) because it needs a built renderer and Chromium.
export default defineConfig({
  test: {
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          // Vitest's default is one worker per core less one, i.e. one on CI's two cores; many test
          // files spend their time waiting on the sandbox and on AWS CLI processes, so three overlap.
          maxWorkers: 3,
          include: ['test/**/*.test.ts'],
          exclude: ['test/renderer/**', 'test/e2e/**'],
          setupFiles: ['test/setup-node.ts'],
          globalSetup: ['test/temp-root.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        esbuild: { jsx: 'automatic' },
        test: {
          name: 'renderer',
          environment: 'jsdom',
          maxWorkers: 3,
          // Vitest groups projects with their own worker counts; the renderer's group runs second.
          sequence: { groupOrder: 1 },
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup-dom.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});

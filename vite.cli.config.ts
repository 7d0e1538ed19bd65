// The command-line tool, built to JavaScript (`npm run build:cli`, part of `npm run build`):
// out/cli/main.js plus one chunk per command, so `bin/envelope.mjs` starts Node on plain
// JavaScript instead of transpiling the TypeScript sources through tsx on every call. Each
// command is a dynamic import() in electron/cli/program.ts, and Rollup keeps those as separate
// chunks: `envelope --help` loads commander and nothing else, `envelope whoami` the accounts code
// and the STS client. Packages stay external (Node loads them from node_modules, as the
// TypeScript entry does), so the build is our own code only.
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const cliOutDir = fromRoot('./out/cli');

// A bare import (a package or node:*) is external; our relative imports are bundled.
const isExternal = (id: string): boolean =>
  id.startsWith('node:') || builtinModules.includes(id) || !(id.startsWith('.') || id.startsWith('/'));

export default defineConfig({
  // No public/ copy, no .env files: this is a Node program.
  publicDir: false,
  envDir: false,
  logLevel: 'warn',
  build: {
    ssr: fromRoot('./electron/cli/main.ts'),
    outDir: cliOutDir,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    // Node resolves our packages itself; vite's own ssr externalisation would also keep them out,
    // but a single rule says it plainly for every id, node built-ins included.
    rollupOptions: {
      external: isExternal,
      output: {
        format: 'esm',
        entryFileNames: 'main.js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
  ssr: { noExternal: [] },
});

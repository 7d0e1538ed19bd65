// electron-vite builds three bundles. H5 owns main and preload; the renderer section reuses the
// settings the browser preview builds with (vite.renderer.config.ts), so both shells load one page.
// The preview server (electron/preview) is a development tool and is not an entry of either bundle.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererViteConfig } from './vite.renderer.config';

export default defineConfig({
  // Main: ESM (package.json "type": "module"), out/main/index.js. Packages in "dependencies" stay
  // external (electron-builder ships them in the asar); our own code, the in-process sandbox
  // included, is bundled.
  // Inputs are absolute: electron-vite externalizes /^electron\/.+/, which a relative
  // 'electron/main/...' path would match.
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'electron/main/index.ts') } },
    },
  },
  // Preload: a sandboxed preload cannot load ESM nor require() anything but a few electron
  // modules, so it is one self-contained CommonJS file (out/preload/index.cjs) with zod and the
  // contract bundled in.
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: rendererViteConfig,
});

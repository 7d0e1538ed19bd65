// The renderer's Vite settings, in one place: electron.vite.config.ts uses them for the desktop
// build, and `npm run build:renderer` uses this file alone for the browser preview and the e2e
// suite (electron-vite cannot build the renderer without main and preload).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const rendererRoot = fromRoot('./renderer');
export const rendererOutDir = fromRoot('./out/renderer');

export const rendererViteConfig: UserConfig = {
  root: rendererRoot,
  // Relative asset URLs: the page loads from Electron's packaged files or the preview's '/'.
  base: './',
  plugins: [react()],
  build: {
    outDir: rendererOutDir,
    emptyOutDir: true,
    // Cloudscape alone is over the default 500 kB warning; the app loads from disk, not a network.
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      input: fromRoot('./renderer/index.html'),
      // zod's sources carry /* @__PURE__ */ comments Rollup cannot place; it drops them harmlessly.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
};

export default defineConfig(rendererViteConfig);

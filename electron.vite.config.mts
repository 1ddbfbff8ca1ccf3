import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

export default defineConfig({
  main: { build: { rollupOptions: { input: { index: resolve(import.meta.dirname, 'main/index.ts') } } } },
  preload: {
    // A sandboxed preload cannot require() from node_modules: bundle zod and the contract into it.
    build: { externalizeDeps: false, rollupOptions: { input: { index: resolve(import.meta.dirname, 'preload/index.ts') } } },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    build: { rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } }, chunkSizeWarningLimit: 4000 },
  },
});

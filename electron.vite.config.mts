import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

export default defineConfig({
  // The planning worker is its own entry: main/sync/plan-runner.ts starts out/main/plan-worker.js.
  main: { build: { rollupOptions: { input: { index: resolve(import.meta.dirname, 'main/index.ts'), 'plan-worker': resolve(import.meta.dirname, 'main/sync/plan-worker.ts') } } } },
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

import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Where `nx serve console` forwards `/api`: the core-api of a local stack unless BERTH_API_URL says otherwise. */
const API_TARGET = process.env['BERTH_API_URL'] ?? 'http://127.0.0.1:8080';
const DEV_PORT = 4200;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Absolute asset paths: the bundle is served at `/` and every unknown path falls back to index.html,
  // so a reload on a deep link must still find `/assets/...` rather than a path relative to that link.
  base: '/',
  // Keep Vite's and Vitest's caches in the workspace's node_modules rather than a node_modules folder in the app.
  cacheDir: fileURLToPath(new URL('../../node_modules/.vite/console', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/console', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    host: '127.0.0.1',
    port: DEV_PORT,
    strictPort: true,
    proxy: { '/api': { target: API_TARGET } },
  },
});

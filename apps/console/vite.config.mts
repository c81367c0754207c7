import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Where `nx serve console` forwards `/api` and `/c`: the core-api of a local stack unless BERTH_API_URL says otherwise. */
const API_TARGET = process.env['BERTH_API_URL'] ?? 'http://127.0.0.1:8080';
const DEV_PORT = 4200;

const workspaceRoot = new URL('../../', import.meta.url);

// One alias per tsconfig path, so the console resolves `@berth/*` exactly as typecheck and the unit tests do.
const { paths } = JSON.parse(readFileSync(new URL('tsconfig.base.json', workspaceRoot), 'utf8')).compilerOptions as {
  paths: Record<string, string[]>;
};
const alias = Object.entries(paths).map(([find, [target]]) => ({
  find: new RegExp(`^${find.replace(/[/]/g, '\\/')}$`),
  replacement: fileURLToPath(new URL(target, workspaceRoot)),
}));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Absolute asset paths: the bundle is served at `/` and every unknown path falls back to index.html,
  // so a reload on a deep link must still find `/assets/...` rather than a path relative to that link.
  base: '/',
  // Keep Vite's and Vitest's caches in the workspace's node_modules rather than a node_modules folder in the app.
  cacheDir: fileURLToPath(new URL('node_modules/.vite/console', workspaceRoot)),
  plugins: [react()],
  resolve: { alias },
  build: {
    outDir: fileURLToPath(new URL('dist/apps/console', workspaceRoot)),
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // Libraries change less often than the console: separate chunks stay cached across console releases.
        manualChunks: {
          react: ['react', 'react-dom', 'react-router'],
          mantine: ['@mantine/core', '@mantine/hooks', '@mantine/form', '@mantine/modals', '@mantine/notifications'],
          data: ['@tanstack/react-query', 'openapi-fetch', 'zod'],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: DEV_PORT,
    strictPort: true,
    proxy: { '/api': { target: API_TARGET }, '/c': { target: API_TARGET } },
  },
});

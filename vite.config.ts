import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

// The web UI is built into dist/web and served by `calcwise serve`. In development,
// `npx vite` proxies /api to a running server (CALCWISE_API, default http://127.0.0.1:3100).
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: { outDir, emptyOutDir: true },
  server: {
    proxy: { '/api': process.env.CALCWISE_API ?? 'http://127.0.0.1:3100' },
  },
});

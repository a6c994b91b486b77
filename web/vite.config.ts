/** Vite build for the web app: root web/, output web/dist, dev server proxying the API. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { precompress } from './precompress.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const backend = 'http://127.0.0.1:8787';

export default defineConfig({
  root,
  plugins: [svelte(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Tone.js arrives later through dynamic import(); keep the first load small (≤ 60 kB gzip).
    chunkSizeWarningLimit: 300,
  },
  server: {
    proxy: { '/api': backend, '/samples': backend, '/soundbank': backend },
  },
});

import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { fieldPwa } from './field-pwa.config.ts';

const web = resolve(import.meta.dirname, 'src/web');

/** One build, two shells: the console at / and the field app at /m/. */
export default defineConfig({
  root: web,
  publicDir: resolve(web, 'public'),
  plugins: [react(), ...fieldPwa()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { console: resolve(web, 'index.html'), field: resolve(web, 'm/index.html') },
    },
  },
  // The API for `vite` dev servers; LINLI_API points one at a server on another port.
  // The browser's Host goes through unchanged: the API compares it with the Origin of every write.
  server: { proxy: { '/api': { target: process.env.LINLI_API ?? 'http://localhost:3000', changeOrigin: false } } },
});

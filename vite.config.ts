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
  server: { proxy: { '/api': 'http://localhost:3000' } },
});

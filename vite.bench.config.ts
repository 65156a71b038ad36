// Builds the UI benchmark page (renderer/bench): the real VirtualTable and shared columns, with the app's
// providers and stylesheets, in production mode. `npm run bench:ui` (test/bench/ui-bench.ts) builds it into a
// temporary folder, serves it on loopback and measures it in Chromium. Modelled on vite.renderer.config.ts.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('renderer/bench', import.meta.url)),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('dist/bench', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: false,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    reportCompressedSize: false,
  },
});

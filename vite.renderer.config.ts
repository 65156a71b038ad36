// Builds the React renderer into dist/renderer, served by the app:// protocol (Electron) and by the browser
// preview. The CSP there is `script-src 'self'; style-src 'self'`: the output has no inline script or style
// (module preload polyfill off, no inlined assets), relative URLs (base './'), no sourcemaps in production.
// Build: npx vite build -c vite.renderer.config.ts
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

function localeChunk(id: string): string | null {
  const language = /[\\/]renderer[\\/]src[\\/]i18n[\\/]locales[\\/]([a-z]+)[\\/][a-z]+\.json$/.exec(id)?.[1];
  return language === undefined ? null : `locale-${language}`;
}

export default defineConfig(({ mode }) => ({
  configFile: false,
  root: fileURLToPath(new URL('renderer', import.meta.url)),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: mode === 'development',
    // Assets are files, never data: URIs inlined into CSS or JS; no inline polyfill script.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    reportCompressedSize: false,
    // The Intl polyfills with every time zone's data are one ~570 KB chunk, read after the first screen
    // (i18n/locale-data.ts); nothing loaded before it comes near this.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // A language's interface texts (i18n/index.ts reads them when the language is needed) as one chunk, not
        // one per namespace: one request when the app starts or the operator switches language.
        codeSplitting: { groups: [{ name: localeChunk, debugName: 'locale texts' }] },
      },
    },
  },
  server: { host: '127.0.0.1', strictPort: true },
}));

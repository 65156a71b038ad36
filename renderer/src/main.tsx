// The renderer's entry: make sure `window.cardDesk` exists (preload in Electron, HTTP in the browser preview),
// start i18n in the operator's language, then mount the React app.
import '@mantine/core/styles.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { fetchSettings, readSessionEarly } from './api/shared-queries.ts';
import { App } from './app/App.tsx';
import { Providers } from './app/Providers.tsx';
import { installPreviewBridge } from './bridge/preview-bridge.ts';
import { initI18n, preloadI18n } from './i18n/index.ts';
import { LANGUAGES, type Language } from './i18n/languages.ts';

function browserLanguage(): Language | undefined {
  const primary = navigator.language.split('-')[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : undefined;
}

// zod would probe `new Function` for its fast path; the CSP forbids eval, so tell it not to try.
z.config({ jitless: true });
installPreviewBridge();

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (root === null) throw new Error('index.html has no #root');
  // What the first screen needs whatever the language is read while the settings are asked for.
  preloadI18n();
  readSessionEarly();
  // The operator's language is a setting in main; if main cannot be asked (a page opened without its
  // token), the browser's language is the best guess for the error that follows.
  const language = await fetchSettings()
    .then((s) => s.values.language)
    .catch(() => browserLanguage());
  await initI18n(language);
  createRoot(root).render(
    <StrictMode>
      <Providers>
        <App />
      </Providers>
    </StrictMode>,
  );
}

void start();

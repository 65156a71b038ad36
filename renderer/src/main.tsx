// The renderer's entry: make sure `window.cardDesk` exists (preload in Electron, HTTP in the browser preview),
// start i18n in the operator's language, then mount the React app.
import '@mantine/core/styles.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/App.tsx';
import { Providers } from './app/Providers.tsx';
import { installPreviewBridge } from './bridge/preview-bridge.ts';
import { initI18n } from './i18n/index.ts';

// zod would probe `new Function` for its fast path; the CSP forbids eval, so tell it not to try.
z.config({ jitless: true });
installPreviewBridge();

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (root === null) throw new Error('index.html has no #root');
  const language = await window.cardDesk.settings
    .get({})
    .then((s) => s.values.language)
    .catch(() => undefined);
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

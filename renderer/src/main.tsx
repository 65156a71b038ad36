// The renderer's entry: make sure `window.cardDesk` exists (preload in Electron, HTTP in the browser
// preview), then mount the React app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { installPreviewBridge } from './bridge/preview-bridge.ts';

installPreviewBridge();

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

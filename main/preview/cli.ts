#!/usr/bin/env node
// Entry of `npm run preview`: node main/preview/cli.ts --port <n> [--data-dir <dir>]
import { previewMain } from './index.ts';

previewMain(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`card-desk preview: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 5;
  },
);

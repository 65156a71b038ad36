#!/usr/bin/env -S node --max-semi-space-size=8
// Installed entry point: runs the compiled CLI (npm run build writes dist/). The young generation is capped at
// 8 MB per semi-space: long bulk jobs otherwise let V8 grow it to 64 MB and the process's memory with it.
import '../dist/main/cli/index.js';

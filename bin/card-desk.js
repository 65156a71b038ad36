#!/usr/bin/env -S node --max-semi-space-size=8
// Installed entry point: runs the compiled CLI (npm run build writes dist/). The young generation is capped at
// 8 MB per semi-space: long bulk jobs otherwise let V8 grow it to 64 MB and the process's memory with it.
// `env node` is whatever Node is on PATH; an older one crashes deep inside a dependency with an unrelated
// TypeError, so the version is checked first. The CLI is imported only after the check: a static import would be
// hoisted above it and load first.
import { readFileSync } from 'node:fs';

const needed = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;
if (!satisfies(process.versions.node, needed)) {
  process.stderr.write(
    `card-desk: needs Node ${needed}, but this is Node ${process.versions.node} (${process.execPath})\n`,
  );
  process.exit(2);
}
await import('../dist/main/cli/index.js');

/**
 * Whether a version satisfies an engines range: comparators (>=, <=, >, <, =, ^) on major[.minor[.patch]],
 * separated by spaces, alternatives by `||`. A partial version compares only the parts it gives, so `<25` means
 * below 25.0.0 and `>24` means 25 or later, as in npm. A comparator it cannot read is not held against the Node.
 */
function satisfies(version, range) {
  const current = version.split('.').map(Number);
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .split(/\s+/)
      .every((comparator) => {
        const match = /^(>=|<=|>|<|=|\^)?v?(\d+(?:\.\d+){0,2})$/.exec(comparator);
        if (match === null) return true;
        const target = match[2].split('.').map(Number);
        const diff = compare(current, target);
        switch (match[1]) {
          case '>=':
            return diff >= 0;
          case '<=':
            return diff <= 0;
          case '>':
            return diff > 0;
          case '<':
            return diff < 0;
          case '^':
            return current[0] === target[0] && diff >= 0;
          default:
            return diff === 0;
        }
      }),
  );
}

/** Compares `version` with `target` on the parts `target` gives. */
function compare(version, target) {
  for (let i = 0; i < target.length; i++) {
    if (version[i] !== target[i]) return (version[i] ?? 0) - target[i];
  }
  return 0;
}

// `npm run verify`: the reliability and security suite — the fault matrix, the crash loop and the
// fuzzing (project verify), the browser journeys (e2e) and the keychain sessions (CLI canary, leak journey,
// bulk SIGKILL), each leak-scanned — then one table of figures and one closing line. Exits non-zero when a test
// failed or any of lost, duplicated, unknown left, crashes or leaks is above 0.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { FIGURES_DIR, readFigures, report } from './figures.ts';

rmSync(FIGURES_DIR, { recursive: true, force: true });
const run = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--project', 'verify', '--project', 'e2e', '--project', 'keychain'],
  { stdio: 'inherit' },
);
const { text, pass } = report(readFigures());
process.stdout.write(`\n${text}`);
process.exitCode = run.status === 0 && pass ? 0 : 1;

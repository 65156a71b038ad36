// `npm run verify`: the reliability and security suite — the fault matrix, the crash loop and the
// fuzzing (project verify), the browser journeys (e2e) and the keychain sessions (CLI canary, leak journey,
// bulk SIGKILL), each leak-scanned, and the attack tests of the node project (files under an `attacks/` folder;
// the browser ones run with e2e) — then one table of figures and one closing line. Exits non-zero when a test
// failed or any of lost, duplicated, unknown left, crashes, leaks or attacks succeeded is above 0.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { FIGURES_DIR, readFigures, report } from './figures.ts';

const vitest = (args: string[]) =>
  spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...args], { stdio: 'inherit' }).status;

rmSync(FIGURES_DIR, { recursive: true, force: true });
const suites = vitest(['--project', 'verify', '--project', 'verify-fuzz', '--project', 'e2e', '--project', 'keychain']);
const attacks = vitest(['--project', 'node', 'attacks/']);
const { text, pass } = report(readFigures());
process.stdout.write(`\n${text}`);
process.exitCode = suites === 0 && attacks === 0 && pass ? 0 : 1;

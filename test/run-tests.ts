// Runs every test suite and prints the one closing line CI reads: `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FIGURES_DIR, readFigures, report as verifyReport } from './verify/figures.ts';

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; status: string; message?: string; assertionResults: unknown[] }[];
}

const resultsDir = 'test-results';
mkdirSync(resultsDir, { recursive: true });
const reportFile = join(resultsDir, 'vitest.json');

rmSync(FIGURES_DIR, { recursive: true, force: true });
const run = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);

let report: VitestReport;
try {
  report = JSON.parse(readFileSync(reportFile, 'utf8')) as VitestReport;
} catch {
  process.stdout.write('0 passed, 1 failed\n');
  process.stderr.write('the test runner wrote no report\n');
  process.exit(1);
}
// A file that failed without a failing test (it did not load, or a hook failed: the leak scan runs in afterAll)
// counts as one failure, so that the closing line never says 0 failed while the run failed.
const brokenFiles = report.testResults.filter(
  (file) =>
    file.status === 'failed' && !file.assertionResults.some((r) => (r as { status?: string }).status === 'failed'),
);
for (const file of brokenFiles) process.stderr.write(`failed outside its tests: ${file.name}: ${file.message ?? ''}\n`);
// A run that failed with no failing test or file (a config error, an unhandled error) counts as one failure too.
const counted = report.numFailedTests + brokenFiles.length;
const failedOutsideFiles = counted === 0 && run.status !== 0;
if (failedOutsideFiles) process.stderr.write('the test runner failed outside any test file\n');
const failed = failedOutsideFiles ? 1 : counted;
const skipped = report.numPendingTests + report.numTodoTests;
// The reliability and security figures, when the run included those suites.
const figures = readFigures();
if (figures.length > 0) process.stdout.write(`\n${verifyReport(figures).text}\n`);
process.stdout.write(`${String(report.numPassedTests)} passed, ${String(failed)} failed, ${String(skipped)} skipped\n`);
process.exit(failed > 0 || run.status !== 0 ? 1 : 0);

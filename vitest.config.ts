import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Every Node process of a run (the workers, and the previews, CLIs, crash-loop children and job processes the
// tests start, which inherit the environment) shares one compile cache, TypeScript stripping included: each of
// those hundreds of starts then loads the app's modules in about half the time. Node keys it by file content,
// so a changed file is compiled afresh (docs/architecture.md, tests).
process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), 'card-desk-node-compile-cache');

/** Browser files that run alone: the bulk screen's preview runs job processes, and once failed to close cleanly
 * while another browser file ran beside it; live reconciliation watches for a state that lasts only until the
 * background check, which a loaded machine can miss. */
const E2E_ALONE = ['test/e2e/bulk.test.ts', 'test/e2e/live-reconcile.test.ts'];

/** What every browser project shares. A browser test polls the page for what it shows, and a page load beside
 * another browser file can take seconds. */
const BROWSER = {
  globalSetup: ['test/e2e/support/build-renderer.ts', 'test/e2e/support/data-template.ts'],
  expect: { poll: { timeout: 10_000 } },
  testTimeout: 60_000,
  hookTimeout: 60_000,
};

/** One file at a time, after the plain Node files and the browser files. */
const SERIAL = { maxWorkers: 1, sequence: { groupOrder: 2 } };

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Integration tests start their own sandbox on 127.0.0.1:0, so files can run in parallel: the plain Node
    // files run two at a time first (group 0); the projects that drive Chromium, the keychain, kill processes
    // or time a bank run afterwards: the browser files two at a time (group 1), the others one at a time (group 2).
    pool: 'forks',
    maxWorkers: 2,
    // Processed by vitest (not loaded raw) so that tests mocking `electron` reach the import inside it.
    server: { deps: { inline: ['electron-store'] } },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/packaging/**/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Playwright _electron specs for what only the shell does; skipped, with the reason, where no runtime exists.
        extends: true,
        test: {
          name: 'electron',
          include: ['test/electron/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          ...SERIAL,
        },
      },
      {
        // The renderer in Debian Chromium through the preview (Playwright); CI installs chromium.
        extends: true,
        // Once for every file (globalSetup): the renderer's build and the data folder most files start from. Each
        // file runs its own preview, on its own copy of that folder, and its own browser.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          exclude: E2E_ALONE,
          // Two files at a time: a browser file mostly waits on its page and preview (two files used ~40% of two
          // cores, measured), and an assertion that reads the screen waits for what it reads, not for a time.
          // Vitest wants a group of its own for a project with another number of workers.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          ...BROWSER,
        },
      },
      {
        // The browser files that run alone, after the others.
        extends: true,
        test: {
          name: 'e2e-alone',
          include: E2E_ALONE,
          ...SERIAL,
          ...BROWSER,
        },
      },
      {
        // The fuzzing of the verify suite (below) times nothing and kills nothing: its files (one per subject) run
        // two at a time with the plain Node files, where they share the CPU and still finish well within 180 s.
        extends: true,
        test: {
          name: 'verify-fuzz',
          include: ['test/verify/fuzz-*.test.ts'],
          sequence: { groupOrder: 0 },
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The reliability and security suite: fault matrix, crash loop, fuzzing, leak scans. Each file
        // records its figures in test-results/verify; `npm run verify` prints them.
        extends: true,
        test: {
          name: 'verify',
          include: ['test/verify/**/*.test.ts'],
          exclude: ['test/verify/fuzz-*.test.ts'],
          ...SERIAL,
          globalSetup: ['test/e2e/support/build-renderer.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
      {
        // keytar against a real gnome-keyring in a private D-Bus session (docs/architecture.md, tests). The session is
        // started only when a keychain test file is selected.
        extends: true,
        test: {
          name: 'keychain',
          include: ['test/keychain/**/*.test.ts'],
          ...SERIAL,
          // The leak journey drives the real renderer through the preview, so the renderer is built too.
          globalSetup: ['test/keychain/keyring-session.ts', 'test/e2e/support/build-renderer.ts'],
          setupFiles: ['test/keychain/keyring-env.ts'],
          // These drive the real keychain and whole CLI sessions (one child process per command).
          testTimeout: 60_000,
        },
      },
    ],
  },
});

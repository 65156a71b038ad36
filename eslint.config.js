// ESLint flat config: typescript-eslint strict, plus the process boundaries of ARCHITECTURE.md §2.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'util',
  'events',
  'buffer',
];
const MAIN_ONLY = ['electron', 'electron-store', 'keytar', 'undici', 'conf'];

// The contract and what it imports: bundled into the renderer, so no Node and no main-only package.
const PURE_MODULES = [
  'preload/contract.ts',
  'preload/bridge.ts',
  'main/core/card-api/catalog/**',
  'main/core/card-api/schemes.ts',
  'main/core/card-api/loopback.ts',
  'main/core/card-api/base-url.ts',
  'main/core/card-api/regions.ts',
  'main/core/card-api/validation.ts',
  'main/core/card-api/outcome.ts',
  'main/core/card-api/pan.ts',
  'main/core/settings/schema.ts',
  'main/core/bulk/formats.ts',
  'main/core/bulk/problems.ts',
  'main/core/bulk/progress.ts',
];

// Raw IPC lives only in the IPC registration file and the preload (ARCHITECTURE.md §2).
const RAW_IPC_FILES = ['main/shell/ipc.ts', 'preload/index.ts'];
const noRawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Raw IPC only in main/shell/ipc.ts and preload/index.ts: add a method to preload/contract.ts instead.',
};

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'coverage/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
    },
  },
  {
    // Everything in main/ but the Electron shell is plain Node: no electron, no electron-store.
    files: ['main/core/**', 'main/sandbox/**', 'main/cli/**', 'main/preview/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'main/core, sandbox, cli and preview run under plain Node (TOOLCHAIN.md).' },
            { name: 'electron-store', message: 'Use conf outside main/shell (TOOLCHAIN.md).' },
          ],
          patterns: [
            { group: ['**/shell/**', '**/renderer/**'], message: 'Layers below the shell never import it.' },
            {
              group: ['**/preload/*', '!**/preload/contract.ts'],
              message: 'Of the preload, only the contract is shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'main/core never imports electron (ARCHITECTURE.md §2).' },
            { name: 'electron-store', message: 'Use conf in core.' },
          ],
          patterns: [
            {
              group: ['**/shell/**', '**/cli/**', '**/preview/**', '**/sandbox/**', '**/renderer/**'],
              message: 'core is the bottom layer.',
            },
            {
              group: ['**/preload/*', '!**/preload/contract.ts'],
              message: 'Of the preload, core uses only the contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/shell/**', 'preload/**'],
    ignores: RAW_IPC_FILES,
    rules: { 'no-restricted-imports': ['error', { paths: [noRawIpc] }] },
  },
  {
    // The contract and every module it pulls in reach the renderer bundle: zod and types only.
    files: PURE_MODULES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: MAIN_ONLY.map((name) => ({
            name,
            message: 'Pure module (shared with the renderer): no main-only packages.',
          })),
          patterns: [{ group: NODE_BUILTINS, message: 'Pure module (shared with the renderer): no Node.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...MAIN_ONLY.map((name) => ({
              name,
              message: 'The renderer has no Node and no secrets: go through window.cardDesk.',
            })),
            {
              // These render <style> elements, which the CSP (style-src 'self') refuses.
              name: '@mantine/core',
              importNames: ['AppShell', 'Flex', 'Grid', 'SimpleGrid', 'InlineStyles'],
              message:
                'Injects <style> elements, refused by the CSP: use CSS classes in styles.css (Group/Stack are fine).',
            },
          ],
          patterns: [
            { group: NODE_BUILTINS, message: 'The renderer has no Node.' },
            {
              group: ['**/main/**'],
              message: 'The renderer never imports main; use the contract in preload/contract.ts.',
            },
            { group: ['**/preload/index*'], message: 'Only preload/contract.ts is shared with the renderer.' },
          ],
        },
      ],
    },
  },
  {
    // Unsafe window options are refused everywhere (ARCHITECTURE.md §4).
    files: ['main/**', 'preload/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'Property[key.name=/^(nodeIntegration|nodeIntegrationInWorker|nodeIntegrationInSubFrames|allowRunningInsecureContent|webviewTag|experimentalFeatures)$/][value.value=true]',
          message: 'Unsafe Electron window option (ARCHITECTURE.md §4).',
        },
        {
          selector: 'Property[key.name=/^(contextIsolation|sandbox|webSecurity)$/][value.value=false]',
          message: 'Unsafe Electron window option (ARCHITECTURE.md §4).',
        },
      ],
    },
  },
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
  {
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);

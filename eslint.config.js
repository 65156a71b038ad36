// ESLint flat config: typescript-eslint strict, plus the process boundaries of docs/architecture.md
// (test/unit/import-graph.test.ts checks the same rules over the whole import graph).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
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

// Raw IPC lives only in the IPC registration file and the preload.
const RAW_IPC_FILES = ['main/shell/ipc.ts', 'preload/index.ts'];
const noRawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Raw IPC only in main/shell/ipc.ts and preload/index.ts: add a method to the contract in common/contract/.',
};

// The renderer has no Node and no secrets, and never imports main or the preload.
const rendererImports = {
  paths: [
    ...MAIN_ONLY.map((name) => ({
      name,
      message: 'The renderer has no Node and no secrets: go through window.cardDesk.',
    })),
    {
      // These render <style> elements, which the CSP (style-src 'self') refuses.
      name: '@mantine/core',
      importNames: ['AppShell', 'Flex', 'Grid', 'SimpleGrid', 'InlineStyles'],
      message: 'Injects <style> elements, refused by the CSP: use CSS classes in styles.css (Group/Stack are fine).',
    },
  ],
  patterns: [
    { group: NODE_BUILTINS, message: 'The renderer has no Node.' },
    {
      group: ['**/main/**'],
      message: 'The renderer never imports main; shared code lives in common/.',
    },
    { group: ['**/preload/**'], message: 'The preload is Electron-only; shared code lives in common/.' },
  ],
};
const noDirectMain =
  'Screens call main only through renderer/src/api/: add the query or write there (docs/architecture.md).';

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
            {
              name: 'electron',
              message: 'main/core, sandbox, cli and preview run under plain Node (no Electron runtime in tests).',
            },
            { name: 'electron-store', message: 'electron-store loads electron: use conf outside main/shell.' },
          ],
          patterns: [
            { group: ['**/shell/**', '**/renderer/**'], message: 'Layers below the shell never import it.' },
            { group: ['**/preload/**'], message: 'The preload is Electron-only; shared code lives in common/.' },
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
            { name: 'electron', message: 'main/core never imports electron (docs/architecture.md).' },
            { name: 'electron-store', message: 'Use conf in core.' },
          ],
          patterns: [
            {
              group: ['**/shell/**', '**/cli/**', '**/preview/**', '**/sandbox/**', '**/renderer/**'],
              message: 'core is the bottom layer.',
            },
            { group: ['**/preload/**'], message: 'The preload is Electron-only; shared code lives in common/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/shell/**'],
    ignores: RAW_IPC_FILES,
    rules: { 'no-restricted-imports': ['error', { paths: [noRawIpc] }] },
  },
  {
    // common/ is bundled into the renderer and the preload and run in main: zod and common/ only.
    files: ['common/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!zod$|\\.{1,2}/)', message: 'common/ imports only common/ and zod.' },
            { group: ['**/main/**', '**/preload/**', '**/renderer/**'], message: 'common/ imports only common/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/main/**', '**/renderer/**'], message: 'The preload imports only common/.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', rendererImports] },
  },
  {
    // The rules of hooks, and what React's compiler checks of components and hooks (purity, refs, effects).
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    // Screens reach main only through renderer/src/api/ (its queries and writes): the one place that calls it.
    files: ['renderer/src/**'],
    ignores: ['renderer/src/api/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...rendererImports,
          patterns: [...rendererImports.patterns, { regex: '(^|/)api/bridge(\\.ts)?$', message: noDirectMain }],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='cardDesk']", message: noDirectMain },
        { selector: "MemberExpression[object.name='window'][property.name='cardDesk']", message: noDirectMain },
      ],
    },
  },
  {
    // Unsafe window options are refused everywhere.
    files: ['main/**', 'preload/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'Property[key.name=/^(nodeIntegration|nodeIntegrationInWorker|nodeIntegrationInSubFrames|allowRunningInsecureContent|webviewTag|experimentalFeatures)$/][value.value=true]',
          message: 'Unsafe Electron window option (docs/architecture.md, security).',
        },
        {
          selector: 'Property[key.name=/^(contextIsolation|sandbox|webSecurity)$/][value.value=false]',
          message: 'Unsafe Electron window option (docs/architecture.md, security).',
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

import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'stream',
  'url',
  'util',
  'zlib',
  'worker_threads',
  'readline',
  'module',
  'events',
  'buffer',
  'tls',
  'dns',
  'process',
  'timers',
];
const nodeBuiltinPatterns = ['node:*', ...NODE_BUILTINS, ...NODE_BUILTINS.map((m) => `${m}/*`)];
const SDK_REGEX = '^(openai|@anthropic-ai/sdk|@google/generative-ai)(/.*)?$';
const NATIVE = ['better-sqlite3', 'keytar'];
/** The only files that import a provider SDK: one adapter each. */
const SDK_FILES = ['src-main/providers/openai.ts', 'src-main/providers/anthropic.ts', 'src-main/providers/gemini.ts'];

/** Files allowed to import electron (ARCHITECTURE.md "One core, three hosts"). */
const ELECTRON_FILES = ['src-main/index.ts', 'src-main/window.ts', 'src-main/ipc/electron.ts', 'src-preload/index.ts'];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'drizzle/**',
      'test-results/**',
      'playwright-report/**',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: `Only ${ELECTRON_FILES.join(', ')} may import electron.` }] },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: [...ELECTRON_FILES, ...SDK_FILES],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: `Only ${ELECTRON_FILES.join(', ')} may import electron.` }],
          patterns: [
            { regex: SDK_REGEX, message: 'Each provider SDK is imported only by its adapter in src-main/providers/.' },
          ],
        },
      ],
    },
  },
  {
    files: ELECTRON_FILES,
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through lib/ipc.ts.' }],
          patterns: [
            {
              group: ['**/src-main/**', '**/src-preload/index*'],
              message: 'The renderer never imports main or the preload.',
            },
            { group: nodeBuiltinPatterns, message: 'The renderer never imports Node built-ins.' },
            { regex: SDK_REGEX, message: 'The renderer never imports provider SDKs.' },
            { group: NATIVE, message: 'The renderer never imports native modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-preload/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\.{1,2}/)',
              message: 'The IPC contract imports only zod and its own files.',
            },
            { group: ['**/src-main/**', '**/src-renderer/**'], message: 'The contract imports only zod.' },
          ],
        },
      ],
    },
  },
);

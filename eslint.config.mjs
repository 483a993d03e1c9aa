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
const NATIVE = ['better-sqlite3', 'keytar'];
const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** An import of one of these packages (or a subpath of one). */
const packagesRegex = (names) => `^(${names.map(escapeRegex).join('|')})(/.*)?$`;

/** Each provider SDK is imported by exactly one adapter (ARCHITECTURE.md "Providers"). */
const SDK_ADAPTERS = {
  openai: 'src-main/providers/openai.ts',
  '@anthropic-ai/sdk': 'src-main/providers/anthropic.ts',
  '@google/generative-ai': 'src-main/providers/gemini.ts',
};
const SDKS = Object.keys(SDK_ADAPTERS);
const SDK_REGEX = packagesRegex(SDKS);

/** Files allowed to import electron (ARCHITECTURE.md "One core, three hosts"). */
const ELECTRON_MAIN_FILES = ['src-main/index.ts', 'src-main/window.ts', 'src-main/ipc/electron.ts'];
const ELECTRON_FILES = [...ELECTRON_MAIN_FILES, 'src-preload/index.ts'];
const ELECTRON_MESSAGE = `Only ${ELECTRON_FILES.join(', ')} may import electron.`;

// ---------------------------------------------------------------------------------------------------
// Layers inside the main process (ARCHITECTURE.md "Layers inside the main process").
//
//   hosts → composition root → dispatch → handlers → services → storage and adapters → shared
//
// Each zone lists the layers it must NOT import. `no-restricted-imports` matches the import string as
// written ('../routing/router', './config-service', '@contract'), so every target is a gitignore-style
// group or a regex over that string. A later config object's `no-restricted-imports` replaces an earlier
// one for the same file, so every zone is built by `restrict()`, which always adds the process-boundary
// rules (electron, provider SDKs), and the zones are disjoint (`ignores`).
// ---------------------------------------------------------------------------------------------------

/** Main-wide leaf files at the top of src-main: everything may import them; they import only each other. */
const KERNEL = ['errors', 'clock', 'session', 'version', 'os-user', 'paths', 'mime-types'];
/** The provider files that are services (they use the store, the keychain and the audit log); the rest of providers/ are adapters. */
const PROVIDER_SERVICES = [
  'src-main/providers/config-service.ts',
  'src-main/providers/config-test.ts',
  'src-main/providers/configured-providers.ts',
  'src-main/providers/seed-from-env.ts',
];
const providerServiceNames = PROVIDER_SERVICES.map((f) => f.replace(/^.*\//, '').replace(/\.ts$/, ''));

/**
 * A top-level entry of src-main itself (a file such as core.ts, or a folder's index): from a folder it
 * is '../core' or '../../core'; from a file at the top of src-main it is './core'. The marker becomes a
 * regex per zone (see `zone`), so './usage' inside db/schema/ is not mistaken for the usage service and a
 * package such as '@scope/core' never matches. What is inside a folder is matched by a '**' + '/name/**' group.
 */
const top = (name) => ({ top: name });
const topRegex = (name, atTop) => `^(${atTop ? '\\./|' : ''}(\\.\\./)+)${name}$`;

/** Import-string patterns for each layer (what a lower layer must not name). */
const TO = {
  hosts: [
    '**/cli/**',
    '**/web-host/**',
    '**/security/**',
    '**/desktop/**',
    '**/ipc/electron',
    top('cli'),
    top('web-host'),
    top('window'),
  ],
  core: ['**/runtime/**', top('core'), top('runtime')],
  // No '**/ipc' group: a folder pattern would stop the handlers zone re-including ipc/handlers.
  dispatch: ['**/ipc/**', top('ipc')],
  // top('handlers') is the handlers folder; './handlers' inside ipc/ is the handler signatures (ipc/handlers.ts).
  handlers: ['**/handlers/**', top('handlers'), top('app-handlers')],
  services: {
    // drafting/store/** is storage; a regex because a gitignore group cannot re-include a folder's child.
    drafting: [{ regex: '(^|/)drafting/(?!store/)' }],
    transfer: ['**/transfer/**', top('transfer')],
    routing: ['**/routing/**', top('routing')],
    usage: ['**/usage/**', top('usage')],
    providerConfig: providerServiceNames.map((n) => `**/${n}`),
    settings: [top('settings(?!-repo$)(-[^/]*)?'), '**/settings/**'],
    admin: ['**/admin/**', top('admin')],
    audit: ['**/audit/**', top('audit')],
    backup: ['**/backup/**', top('backup')],
    health: ['**/health/**', top('health')],
  },
  storage: ['**/db/**', '**/store/**', '**/*-repo', top('db')],
  secrets: ['**/secrets/**', top('secrets')],
  adapters: ['**/providers/**', ...providerServiceNames.map((n) => `!**/providers/${n}`), top('providers')],
};

/**
 * Pattern objects for `no-restricted-imports`, all with one message. Each target is one layer's list:
 * its strings become one gitignore group (negations stay inside their own layer), its objects are regexes.
 */
function ban(message, ...targets) {
  const full = `${message} (ARCHITECTURE.md: layers)`;
  return targets.flatMap((target) => {
    if (!Array.isArray(target)) return [{ ...target, message: full }];
    if (target.some(Array.isArray)) return ban(message, ...target);
    const groups = target.filter((t) => typeof t === 'string');
    const others = target.filter((t) => typeof t !== 'string');
    return [
      ...(groups.length ? [{ group: groups, message: full }] : []),
      ...others.map((o) => ({ ...o, message: full })),
    ];
  });
}
const servicesExcept = (...allowed) =>
  Object.entries(TO.services)
    .filter(([name]) => !allowed.includes(name))
    .map(([, patterns]) => patterns);
const ALL_SERVICES = servicesExcept();

/**
 * The full `no-restricted-imports` options for a zone: the process-boundary rules (electron unless the
 * file is one of the Electron files; every provider SDK but the file's own) plus the zone's layer bans.
 */
function restrict(patterns, { electron = false, sdk = null } = {}, atTop = false) {
  const sdks = SDKS.filter((s) => s !== sdk);
  const layerPatterns = patterns.map(({ top: name, ...p }) => (name ? { ...p, regex: topRegex(name, atTop) } : p));
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: electron ? [] : [{ name: 'electron', message: ELECTRON_MESSAGE }],
        patterns: [
          {
            regex: packagesRegex(sdks),
            message: 'Each provider SDK is imported only by its adapter in src-main/providers/.',
          },
          ...layerPatterns,
        ],
      },
    ],
  };
}

/** Every electron or SDK file, with what it may import beyond its zone's rules. */
const BOUNDARY_EXCEPTIONS = [
  ...ELECTRON_MAIN_FILES.map((file) => ({ file, electron: true })),
  ...Object.entries(SDK_ADAPTERS).map(([sdk, file]) => ({ file, sdk })),
];

/** Files at the top of src-main, and files in its folders: they spell a top-level entry differently. */
const AT_TOP = 'src-main/*.ts';
const IN_FOLDER = 'src-main/*/**';

/**
 * One zone: its files (disjoint from every other zone's) and the patterns they must not import. It becomes
 * one config object for its files in folders, one for its files at the top of src-main, and one for each
 * electron or SDK file in it.
 */
function zone(name, { files, ignores = [], patterns }) {
  const exceptionFiles = BOUNDARY_EXCEPTIONS.map((e) => e.file);
  const exceptions = BOUNDARY_EXCEPTIONS.filter(
    (e) => (files.includes(e.file) || isUnder(e.file, files)) && !ignores.includes(e.file),
  );
  return [
    {
      name: `aditus/layers/${name}`,
      files,
      ignores: [...ignores, ...exceptionFiles, AT_TOP],
      rules: restrict(patterns),
    },
    {
      name: `aditus/layers/${name}(top)`,
      files,
      ignores: [...ignores, ...exceptionFiles, IN_FOLDER],
      rules: restrict(patterns, {}, true),
    },
    ...exceptions.map((e) => ({
      name: `aditus/layers/${name}:${e.file}`,
      files: [e.file],
      rules: restrict(patterns, e, !e.file.slice('src-main/'.length).includes('/')),
    })),
  ];
}
/** Whether a file is under one of the zone's `dir/**` globs. */
function isUnder(file, globs) {
  return globs.some((g) => g.endsWith('/**/*.ts') && file.startsWith(g.slice(0, -'**/*.ts'.length)));
}

const HOSTS = [
  'src-main/index.ts',
  'src-main/window.ts',
  'src-main/ipc/electron.ts',
  'src-main/cli/**/*.ts',
  'src-main/web-host/**/*.ts',
  'src-main/security/**/*.ts',
  // Plain-Node pieces of the Electron shell (scheme handler, start-up, policies), unit-tested without Electron.
  'src-main/desktop/**/*.ts',
];
const REPOS = 'src-main/**/*-repo.ts';

const STORAGE_NEVER = 'storage and adapters never import services, handlers, dispatch, the composition root or hosts';
const STORAGE_NEVER_IMPORTS = [TO.hosts, TO.core, TO.dispatch, TO.handlers, ALL_SERVICES];
const SERVICES_NEVER = 'services never import handlers, dispatch (ipc/), the composition root or hosts';
const serviceZone = (name, files, allowed, note) =>
  zone(`services/${name}`, {
    files,
    ignores: [REPOS, 'src-main/drafting/store/**'],
    patterns: [
      ...ban(SERVICES_NEVER, TO.hosts, TO.core, TO.dispatch, TO.handlers),
      ...ban(note, servicesExcept(name, ...allowed)),
    ],
  });

const LAYERS = [
  ...zone('hosts', {
    files: HOSTS,
    patterns: ban(
      'hosts reach features only through core.ts and dispatch: never handlers, services, the database, repositories or provider adapters (a host may supply secrets/)',
      TO.handlers,
      ALL_SERVICES,
      TO.storage,
      TO.adapters,
    ),
  }),
  ...zone('composition-root', {
    files: ['src-main/core.ts', 'src-main/runtime/**/*.ts'],
    patterns: ban('the composition root wires everything below the hosts and never imports a host', TO.hosts),
  }),
  ...zone('dispatch', {
    files: ['src-main/ipc/**/*.ts'],
    ignores: ['src-main/ipc/electron.ts'],
    patterns: ban(
      'dispatch imports only the contract, the main-wide kernel files and ipc/ (handlers and services reach it as arguments from core.ts)',
      TO.hosts,
      TO.core,
      TO.handlers,
      ALL_SERVICES,
      TO.storage,
      TO.secrets,
      TO.adapters,
    ),
  }),
  ...zone('handlers', {
    files: ['src-main/handlers/**/*.ts', 'src-main/app-handlers.ts'],
    patterns: [
      ...ban(
        'handlers use only their services: never hosts, the composition root, dispatch, the database, repositories, secrets or provider adapters',
        TO.hosts,
        TO.core,
        [...TO.dispatch, '!**/ipc/handlers'],
        TO.storage,
        TO.secrets,
        TO.adapters,
      ),
      ...ban('handlers import only the types of ipc/handlers (the handler signatures)', {
        group: ['**/ipc/handlers'],
        allowTypeImports: true,
      }),
    ],
  }),
  // Services, top to bottom: drafting → routing → (usage, provider configs, settings, admin) → audit; transfer uses
  // provider configs, usage, settings and audit.
  ...serviceZone(
    'drafting',
    ['src-main/drafting/**/*.ts'],
    ['routing', 'usage', 'providerConfig', 'settings', 'audit'],
    'drafting uses routing and the services below it, never admin/',
  ),
  ...serviceZone(
    'transfer',
    ['src-main/transfer/**/*.ts'],
    ['usage', 'providerConfig', 'settings', 'audit'],
    'moving providers to another laptop uses provider configs, usage (prices), settings and audit/, never drafting, routing or admin/',
  ),
  ...serviceZone(
    'routing',
    ['src-main/routing/**/*.ts'],
    ['usage', 'providerConfig', 'settings', 'audit'],
    'routing uses usage, provider configs, settings and audit/, never drafting or admin/',
  ),
  ...serviceZone('usage', ['src-main/usage/**/*.ts'], ['audit'], 'usage imports no other service but audit/'),
  ...serviceZone('providerConfig', PROVIDER_SERVICES, ['audit'], 'provider configs import no other service but audit/'),
  ...serviceZone(
    'settings',
    ['src-main/settings*.ts', 'src-main/settings/**/*.ts'],
    ['audit'],
    'settings import no other service but audit/',
  ),
  ...serviceZone('admin', ['src-main/admin/**/*.ts'], ['audit'], 'admin imports no other service but audit/'),
  ...serviceZone('backup', ['src-main/backup/**/*.ts'], ['audit'], 'backup imports no other service but audit/'),
  ...serviceZone(
    'health',
    ['src-main/health/**/*.ts'],
    ['routing', 'providerConfig', 'audit'],
    'provider health uses routing (the circuit state), provider configs and audit/, never drafting or admin/',
  ),
  ...serviceZone(
    'audit',
    ['src-main/audit/**/*.ts'],
    [],
    'audit/ is the sink the other services write to: it imports no service',
  ),
  ...zone('storage', {
    files: ['src-main/db/**/*.ts', 'src-main/secrets/**/*.ts', 'src-main/providers/**/*.ts', REPOS],
    ignores: [...PROVIDER_SERVICES, 'src-main/drafting/store/**'],
    patterns: ban(STORAGE_NEVER, ...STORAGE_NEVER_IMPORTS),
  }),
  ...zone('storage/drafting-store', {
    files: ['src-main/drafting/store/**/*.ts'],
    patterns: ban(
      STORAGE_NEVER,
      ...STORAGE_NEVER_IMPORTS,
      // '../service/…' from drafting/store/ is a drafting service.
      { regex: '^\\.\\./(?!\\.\\./)' },
    ),
  }),
  ...zone('kernel', {
    files: KERNEL.map((k) => `src-main/${k}.ts`),
    patterns: ban(`the main-wide kernel files (${KERNEL.join(', ')}) import only each other, @contract and @shared`, {
      regex: `^\\.(?!/(${KERNEL.join('|')})$|\\./package\\.json$)`,
    }),
  }),
];

const SHARED_MESSAGE =
  'src-preload/shared runs in main and renderer alike: it imports only zod and its own files (no Node built-ins, DOM or React, no main, preload or renderer code).';
const SHARED_FORBIDDEN_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'process',
  'Buffer',
  'require',
  '__dirname',
  '__filename',
  'global',
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'drizzle/**',
      'test-results/**',
      'playwright-report/**',
      // The bench's bundles (bench/bundle.ts), like out/.
      '.tmp/**',
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
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: ELECTRON_MESSAGE }] }],
    },
  },
  {
    name: 'aditus/main',
    files: ['src-main/**/*.ts'],
    rules: {
      // Any main file no zone names still keeps the process boundaries (test/unit/lint/layers.test.ts fails on it).
      ...restrict([]),
      // no-restricted-imports sees static imports only; a module of another folder is always imported
      // statically. A dynamic import() of a module in the same folder (a heavy one loaded on first use, see
      // docs/system-guide.md) names no folder, which no layer rule could check anyway; at the top of src-main it can.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/^\\.\\.\\//]',
          message:
            'Import modules of src-main statically (a dynamic import only from the same folder), so the layer rules see them (ARCHITECTURE.md: layers).',
        },
      ],
    },
  },
  {
    name: 'aditus/main-top-level',
    files: ['src-main/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/^\\./]',
          message: 'Import modules of src-main statically, so the layer rules see them (ARCHITECTURE.md: layers).',
        },
      ],
    },
  },
  ...LAYERS,
  {
    name: 'aditus/preload',
    files: ['src-preload/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**', '**/src-renderer/**'],
              message: 'The preload imports only electron and the contract.',
            },
            { regex: SDK_REGEX, message: 'The preload never imports provider SDKs.' },
            { group: NATIVE, message: 'The preload never imports native modules.' },
          ],
        },
      ],
    },
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
          paths: [{ name: 'electron', message: ELECTRON_MESSAGE }],
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
  ...[0, 1, 2, 3].map((depth) => ({
    name: `aditus/shared:${depth}`,
    // depth 0 covers every file; a file `depth` folders down may climb `depth` times and stay in shared/.
    files: depth === 0 ? ['src-preload/shared/**/*.{ts,tsx}'] : [`src-preload/shared/${'*/'.repeat(depth)}*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: ELECTRON_MESSAGE }],
          patterns: [
            { regex: '^(?!zod$|\\.{1,2}/)', message: SHARED_MESSAGE },
            { regex: `^(\\./)?(\\.\\./){${depth + 1}}`, message: SHARED_MESSAGE },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...SHARED_FORBIDDEN_GLOBALS.map((name) => ({
          name,
          message: 'src-preload/shared runs in main and renderer alike: no DOM- or Node-specific globals.',
        })),
      ],
    },
  })),
);

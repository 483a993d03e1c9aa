import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { resolve } from 'node:path';
import { pathAliases } from './scripts/path-aliases';

/**
 * V8's explicit compile hint for the Usage page's chunk (its charts): every function in it is compiled while
 * the chunk streams in, on a background thread, instead of one by one on the main thread the first time the
 * page draws. The start-up chunks are left to lazy compilation. https://v8.dev/blog/explicit-compile-hints
 */
function compileChartsEagerly(): Plugin {
  return {
    name: 'aditus:compile-charts-eagerly',
    apply: 'build',
    // After minification, which would drop the comment; it has to open the file.
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk' && chunk.moduleIds.some((id) => id.includes('/features/usage/UsagePage.tsx')))
          chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
    },
  };
}

/**
 * `npm run dev` only: the dev server's page goes without the production CSP meta tag of src-renderer/index.html,
 * whose `script-src 'self'` blocks the React refresh preamble (an inline script) and so hot reload. The built
 * page (out/renderer) keeps it, and the desktop app's `app:` scheme and the web host send it as a header.
 */
function devServerWithoutCsp(): Plugin {
  return {
    name: 'aditus:dev-server-without-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      const meta = /\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/u;
      if (!meta.test(html)) throw new Error('src-renderer/index.html: the CSP meta tag to leave out in dev is gone');
      return html.replace(meta, '');
    },
  };
}

/**
 * commander requires `node:child_process` at load (with it `net`, `dgram` and more), to spawn executable
 * subcommands, which aditus has none of: its one use, `spawn`, loads it when called, so no command pays for it.
 */
function commanderSpawnsLazily(): Plugin {
  const eager = "const childProcess = require('node:child_process');";
  return {
    name: 'aditus:commander-spawns-lazily',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/node_modules/commander/lib/command.js')) return null;
      // Fails the build if a commander update changes the line, rather than silently loading it again.
      if (!code.includes(eager)) throw new Error('commander/lib/command.js: its child_process require changed');
      return code.replace(
        eager,
        "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };",
      );
    },
  };
}

export default defineConfig({
  main: {
    plugins: [commanderSpawnsLazily()],
    resolve: { alias: pathAliases },
    build: {
      // Bundled rather than required from node_modules: zod is ~95 small files on the start path of every
      // command, and resolving and compiling them one by one was most of its cost.
      externalizeDeps: { exclude: ['zod', 'commander'] },
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/index.ts'),
          cli: resolve(__dirname, 'src-main/cli/main.ts'),
          // PDF, DOCX and HTML are read in a worker thread (drafting/inputs/read-in-worker.ts), started from this file.
          'document-worker': resolve(__dirname, 'src-main/drafting/inputs/document-worker.ts'),
        },
        // A package loaded on first use (`import('otplib')`) is required like every other one: the same
        // CommonJS build of it in the CLI and in the desktop app, whose main process reads it from app.asar.
        // ASCII only and without doc comments: V8 holds an all-ASCII source in half the memory (one byte a
        // character), and every process reads, hashes (bin/code-cache.cjs) and compiles ~15% less of it.
        output: {
          dynamicImportInCjs: false,
          charset: 'ascii',
          comments: { legal: true, annotation: true, jsdoc: false },
        },
      },
    },
  },
  preload: {
    resolve: { alias: pathAliases },
    // Bundled (no externals) so the preload runs in a sandboxed renderer.
    build: {
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'src-preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    resolve: { alias: pathAliases },
    plugins: [react(), devServerWithoutCsp(), compileChartsEagerly()],
    build: {
      // electron-vite leaves the renderer unminified by default: minified, the JS parsed at start-up is
      // a fraction of the size (bench: ui bundleGzKb).
      minify: true,
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-renderer/index.html') },
        // The renderer imports a few constants and schemas from the IPC contract: building a zod schema or the
        // channel map has no side effect, so the ones it does not use are left out (the JS loaded at start: −38 kB).
        treeshake: { manualPureFunctions: ['z', 'lazyChannels', 'channel'] },
      },
    },
  },
});

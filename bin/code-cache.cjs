'use strict';
/**
 * V8 code cache for the built CLI (out/main): a fresh `aditus` process otherwise parses and compiles its
 * ~1 MB bundle again on every start, and compiles each function the command runs the first time it runs.
 * The first run of a build saves V8's compiled code (taken as the process exits, so it holds the functions
 * that ran too) in the user's cache folder; later runs hand it back to V8 instead of compiling.
 *
 * Keyed by a SHA-256 of the file's source, the Node version, the architecture and Node's flags, so a rebuilt
 * bundle or another Node never meets a stale entry; V8 checks the data again and rejects what does not fit
 * (then the file is compiled as usual and its entry saved anew). Any failure (no cache folder, unwritable, a
 * corrupt entry) falls back silently to Node's own loading: the cache only ever saves time. The folder is the
 * user's own (0700, entries 0600), like the rest of their home.
 */
const Module = require('node:module');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const { homedir } = require('node:os');
const { dirname, isAbsolute, join, relative, sep } = require('node:path');
const vm = require('node:vm');

/** bin/aditus.cjs, the process's main module. */
const mainModule = require.main;

/** $XDG_CACHE_HOME/aditus/code-cache (default ~/.cache), one folder per built tree. */
function cacheFolder(outDir, env) {
  // The XDG spec: a relative XDG_CACHE_HOME is to be ignored.
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache');
  const tree = createHash('sha256').update(outDir).digest('hex').slice(0, 16);
  return join(base, 'aditus', 'code-cache', tree);
}

/** The `require` Node gives a CommonJS module, for a module compiled here rather than by Node. */
function requireFor(mod) {
  const require = (id) => mod.require(id);
  require.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  require.resolve.paths = (request) => Module._resolveLookupPaths(request, mod);
  require.main = mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

/** The entry's name: the file's path in the built tree ('/' as '+') and the key. */
const entryName = (outDir, filename, key) => `${relative(outDir, filename).split(sep).join('+')}.${key}.v8`;

/**
 * V8 runs what a cache entry holds after checking little more than the source's length: a folder someone else
 * could write to is never read (owned by this user, no group or other write on it or on its parent).
 */
function trusted(folder) {
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  for (const dir of [dirname(folder), folder]) {
    const st = fs.lstatSync(dir);
    if (!st.isDirectory() || (uid !== null && st.uid !== uid) || (st.mode & 0o022) !== 0) return false;
  }
  return true;
}

/** Writes the entry whole or not at all (a reader never sees half of one), 0600. */
function save(folder, entry, data) {
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const path = join(folder, entry);
  const temp = `${path}.${process.pid}.tmp`;
  fs.writeFileSync(temp, data, { mode: 0o600 });
  fs.renameSync(temp, path);
}

/** "chunks+x.js" of "chunks+x.js.KEY.v8". */
const sourceOf = (entry) => entry.split('.').slice(0, -2).join('.');

/** Drops the entries of earlier builds: older than the file they were taken from, or of a file no longer built. */
function dropStale(folder, outDir) {
  for (const entry of fs.readdirSync(folder)) {
    if (!entry.endsWith('.v8')) continue;
    const path = join(folder, entry);
    const source = join(outDir, ...sourceOf(entry).split('+'));
    if (!fs.existsSync(source) || fs.statSync(path).mtimeMs < fs.statSync(source).mtimeMs)
      fs.rmSync(path, { force: true });
  }
}

/**
 * From now on, the modules of `outDir` are compiled with the code cache. Returns the folder used, or null
 * (no home, or turned off with ADITUS_CODE_CACHE=0).
 */
function useCodeCache(outDir, env = process.env) {
  if (env.ADITUS_CODE_CACHE === '0') return null;
  let folder;
  try {
    // Node names a module by its real path.
    outDir = fs.realpathSync(outDir);
    folder = cacheFolder(outDir, env);
  } catch {
    return null;
  }
  const toSave = [];
  /** Checked once, on the first module read (null: not yet). */
  let folderTrusted = null;
  const compile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(content, filename, ...rest) {
    // `rest`: what newer Nodes pass on (the module's format); an ES module is left to Node.
    if (!filename.startsWith(outDir + sep) || content.startsWith('#!') || rest[0] === 'module')
      return compile.call(this, content, filename, ...rest);
    let script;
    try {
      const key = createHash('sha256')
        // V8 rejects code cached under other flags: one entry per set of them (command line and NODE_OPTIONS).
        .update(`${process.version}\0${process.arch}\0${process.execArgv.join(' ')}\0${env.NODE_OPTIONS ?? ''}\0`)
        .update(content)
        .digest('hex')
        .slice(0, 32);
      const entry = entryName(outDir, filename, key);
      let cachedData;
      try {
        folderTrusted ??= trusted(folder);
        cachedData = folderTrusted ? fs.readFileSync(join(folder, entry)) : undefined;
      } catch {
        cachedData = undefined;
      }
      // As Node's own loader does, minus its import() support: the build turns import() into require().
      script = new vm.Script(Module.wrap(content), { filename, cachedData });
      if (cachedData === undefined || script.cachedDataRejected) toSave.push({ script, entry });
    } catch {
      return compile.call(this, content, filename, ...rest);
    }
    const wrapper = script.runInThisContext({ displayErrors: true });
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, dirname(filename));
  };
  process.once('exit', () => {
    if (toSave.length === 0) return;
    try {
      if (fs.existsSync(folder) && !trusted(folder)) return;
      for (const { script, entry } of toSave) save(folder, entry, script.createCachedData());
      dropStale(folder, outDir);
    } catch {
      // No cache this time; the next start compiles as this one did.
    }
  });
  return folder;
}

module.exports = { useCodeCache, cacheFolder };

import { _electron, type ElectronApplication } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AditusApi, Result } from '@contract';
import type { Host } from './app';

const ROOT = join(__dirname, '../../..');
const MAIN_ENTRY = join(ROOT, 'out/main/index.js');

/**
 * The Electron binary `require('electron')` would return, found without requiring it (that would try to
 * download it). Honours ELECTRON_OVERRIDE_DIST_PATH as electron's own index.js does. Null when there is none.
 */
export function electronBinary(): string | null {
  try {
    const dir = dirname(createRequire(__filename).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
    const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
    const binary = override ? join(override, name || 'electron') : name ? join(dir, 'dist', name) : null;
    return binary !== null && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** better-sqlite3 and keytar are built for one runtime at a time: Node (`npm run rebuild:node`) or Electron. */
function nativeModulesBuiltForNode(): boolean {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  return probe.status === 0;
}

/** Why the desktop app cannot run here, or null when it can (computed once per worker). */
export function electronUnavailable(): string | null {
  if (electronBinary() === null)
    return 'No Electron binary on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); the electron project runs where `npm install` fetched it';
  if (nativeModulesBuiltForNode())
    return 'The native modules are built for Node (the web host and CLI); run `npm run rebuild:electron` before the electron project and `npm run rebuild:node` after';
  return null;
}

function stringEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // The tests drive the built app in out/, never a dev server.
  delete env['ELECTRON_RENDERER_URL'];
  return { ...env, ...extra };
}

export interface ElectronHostOptions {
  binary: string;
  /** Leave downloads to Electron's own download manager (`will-download`) instead of Playwright's. */
  nativeDownloads: boolean;
}

/** Launches the built desktop app on a fresh data folder and Chromium profile; its first window is the page. */
export async function startElectronHost({ binary, nativeDownloads }: ElectronHostOptions): Promise<Host> {
  const root = mkdtempSync(join(tmpdir(), 'aditus-electron-'));
  const dataDir = join(root, 'data');
  // On Linux, userData (Chromium's profile: localStorage, the single-instance lock) follows XDG_CONFIG_HOME.
  const configHome = join(root, 'config');
  mkdirSync(dataDir);
  mkdirSync(configHome);
  let electron: ElectronApplication | null = null;
  const close = async () => {
    await electron?.close().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    // No executablePath: Playwright then resolves `electron` itself and holds the app's `ready` until it is attached.
    electron = await _electron.launch({
      args: [MAIN_ENTRY],
      env: stringEnv({ ADITUS_DATA_DIR: dataDir, XDG_CONFIG_HOME: configHome }),
      // undefined leaves downloads to Electron (Playwright's default for Electron); true lets tests await them.
      acceptDownloads: nativeDownloads ? undefined : true,
    });
    const page = await electron.firstWindow();
    // A new window starts on about:blank; the app's page is the built renderer, served at app://aditus/index.html.
    await page.waitForURL((url) => url.protocol === 'app:');
    return {
      page,
      app: {
        target: 'electron',
        url: page.url(),
        dataDir,
        // The native modules are built for Electron here, so the CLI runs on Electron's Node too.
        cli: { command: binary, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
        electron,
        // Through the preload bridge, in the window's own session (one per window, like the web host's per launch).
        invoke: (channel, input) =>
          page.evaluate(
            ([c, i]) => (globalThis as unknown as { api: AditusApi }).api.invoke(c, i) as Promise<Result<unknown>>,
            [channel, input] as const,
          ),
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
